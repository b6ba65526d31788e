// Buttons marked data-print open the browser's print dialog. A file, not an inline
// onclick: the Content-Security-Policy allows scripts from this server only.
(function () {
  "use strict";
  var buttons = document.querySelectorAll("[data-print]");
  for (var i = 0; i < buttons.length; i++) {
    buttons[i].addEventListener("click", function () { window.print(); });
  }
})();
