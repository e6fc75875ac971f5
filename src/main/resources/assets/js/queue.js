// Keyboard shortcuts for the moderation queue. The queue works fully without this file: every shortcut
// presses a button or follows a link that is on the page anyway.
//
// Single-key shortcuts must not surprise anyone (WCAG 2.1.4): they never act while the cursor is in a field
// that takes text, and the "Keyboard shortcuts" checkbox shown above the queue switches them off. The choice is
// remembered in this browser (localStorage).
(function () {
  "use strict";
  var STORED = "parley.queue.shortcuts";
  var items = Array.prototype.slice.call(document.querySelectorAll(".queue-item"));
  var legend = document.getElementById("shortcuts");
  var toggle = document.getElementById("shortcuts-on");
  if (items.length === 0 || !legend || !toggle) {
    return;
  }
  var current = -1;

  function remembered() {
    try {
      return window.localStorage.getItem(STORED) !== "off";
    } catch (storageBlocked) {
      return true;
    }
  }

  function remember(on) {
    try {
      window.localStorage.setItem(STORED, on ? "on" : "off");
    } catch (storageBlocked) {
      // Private windows may refuse storage: the switch still works for this page.
    }
  }

  toggle.checked = remembered();
  legend.classList.toggle("off", !toggle.checked);
  legend.hidden = false;
  toggle.addEventListener("change", function () {
    remember(toggle.checked);
    legend.classList.toggle("off", !toggle.checked);
  });

  function select(index) {
    if (index < 0 || index >= items.length) {
      return;
    }
    if (current >= 0) {
      items[current].classList.remove("current");
    }
    current = index;
    items[current].classList.add("current");
    items[current].focus({ preventScroll: false });
    items[current].scrollIntoView({ block: "nearest" });
  }

  function press(key) {
    if (current < 0) {
      return false;
    }
    var target = items[current].querySelector('.queue-actions [data-key="' + key + '"]');
    if (!target) {
      return false;
    }
    target.click();
    return true;
  }

  // A field that takes typed characters; a checkbox or radio button does not, so "x" and "j" still work there.
  var UNTYPED = { checkbox: true, radio: true, button: true, submit: true, reset: true };

  function inField(element) {
    var tag = (element.tagName || "").toLowerCase();
    return (tag === "input" && !UNTYPED[element.type]) || tag === "textarea" || tag === "select"
      || element.isContentEditable;
  }

  var keys = { a: "approve", s: "spam", d: "reject", r: "reply" };

  document.addEventListener("keydown", function (event) {
    if (!toggle.checked || event.ctrlKey || event.metaKey || event.altKey || event.repeat) {
      // A held key repeats: one decision per press, never a burst of them.
      return;
    }
    if (inField(event.target)) {
      return;
    }
    var handled = true;
    if (event.key === "j") {
      select(current + 1);
    } else if (event.key === "k") {
      select(current - 1);
    } else if (event.key === "x" && current >= 0) {
      var box = items[current].querySelector('input[type="checkbox"]');
      box.checked = !box.checked;
    } else if (keys[event.key]) {
      handled = press(keys[event.key]);
    } else {
      handled = false;
    }
    if (handled) {
      event.preventDefault();
    }
  });
})();
