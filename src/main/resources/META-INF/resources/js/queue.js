// Keyboard shortcuts for the moderation queue. The queue works fully without this file: every shortcut
// presses a button or follows a link that is on the page anyway.
(function () {
  "use strict";
  var items = Array.prototype.slice.call(document.querySelectorAll(".queue-item"));
  if (items.length === 0) {
    return;
  }
  var current = -1;

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

  var keys = { a: "approve", s: "spam", d: "reject", r: "reply" };

  document.addEventListener("keydown", function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || event.repeat) {
      // A held key repeats: one decision per press, never a burst of them.
      return;
    }
    var tag = (event.target.tagName || "").toLowerCase();
    if (tag === "input" && event.target.type !== "checkbox" || tag === "textarea" || tag === "select") {
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
