// Asks in place before an action that cannot be undone. Every such button works without this file: the
// server answers it with a confirmation page. With it, a dialog asks here, and confirming sends the same form
// with "confirmed=yes" and the button's own name and value, so the server acts at once.
//
// Markup: <button name="..." value="..." data-confirm="Delete ...? It cannot be restored."
//                 data-confirm-ticked="ids">  (optional: the checkboxes whose ticked count the dialog states)
(function () {
  "use strict";
  if (typeof HTMLDialogElement !== "function") {
    // An old browser: the confirmation page asks instead.
    return;
  }
  var dialog = null;
  var text = null;
  var yes = null;
  var pending = null;

  function build() {
    dialog = document.createElement("dialog");
    dialog.className = "confirm-dialog";
    dialog.setAttribute("aria-labelledby", "confirm-dialog-text");
    text = document.createElement("p");
    text.id = "confirm-dialog-text";
    var actions = document.createElement("p");
    actions.className = "confirm-actions";
    yes = document.createElement("button");
    yes.type = "button";
    yes.className = "button reject";
    yes.id = "confirm-dialog-yes";
    var no = document.createElement("button");
    no.type = "button";
    no.className = "button";
    no.id = "confirm-dialog-no";
    no.textContent = "Cancel";
    actions.appendChild(yes);
    actions.appendChild(document.createTextNode(" "));
    actions.appendChild(no);
    dialog.appendChild(text);
    dialog.appendChild(actions);
    document.body.appendChild(dialog);
    no.addEventListener("click", function () {
      dialog.close();
    });
    yes.addEventListener("click", send);
    dialog.addEventListener("close", function () {
      if (pending && pending.button.isConnected) {
        // Back where the moderator was, so that the keyboard continues from the same button.
        pending.button.focus();
      }
      pending = null;
    });
  }

  // Fields this script added; removed before it adds others, and when the page comes back from the browser's
  // history, so that an earlier confirmation never rides along with a later button.
  function forgetAdded(root) {
    Array.prototype.forEach.call(root.querySelectorAll("input[data-confirm-added]"), function (input) {
      input.remove();
    });
  }

  window.addEventListener("pageshow", function () {
    forgetAdded(document);
  });

  function hidden(form, name, value) {
    var input = document.createElement("input");
    input.setAttribute("data-confirm-added", "");
    input.type = "hidden";
    input.name = name;
    input.value = value;
    form.appendChild(input);
  }

  function send() {
    if (!pending) {
      return;
    }
    var form = pending.button.form;
    forgetAdded(form);
    if (pending.button.name) {
      hidden(form, pending.button.name, pending.button.value);
    }
    hidden(form, "confirmed", "yes");
    pending = null;
    dialog.close();
    form.submit();
  }

  function ask(button) {
    if (!dialog) {
      build();
    }
    var message = button.getAttribute("data-confirm");
    var ticked = button.getAttribute("data-confirm-ticked");
    if (ticked) {
      var count = button.form.querySelectorAll('input[name="' + ticked + '"]:checked').length;
      if (count === 0) {
        // Nothing ticked: nothing to lose, and the server says what is missing.
        return false;
      }
      message += " Ticked: " + count + ".";
    }
    pending = { button: button };
    text.textContent = message;
    yes.textContent = button.textContent.trim();
    dialog.showModal();
    // The safe answer has the focus: Enter or Space on a stray key press cancels.
    document.getElementById("confirm-dialog-no").focus();
    return true;
  }

  document.addEventListener("click", function (event) {
    var button = event.target.closest ? event.target.closest("button[data-confirm]") : null;
    if (!button || !button.form) {
      return;
    }
    if (ask(button)) {
      event.preventDefault();
    }
  });
})();
