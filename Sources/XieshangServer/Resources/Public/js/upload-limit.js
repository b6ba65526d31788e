// Refuses a file over the size limit before it is sent: the server would refuse it too, but
// only after the whole file had crossed a county's slow line.
(function () {
  'use strict';
  document.querySelectorAll('input[type=file][data-max-bytes]').forEach(function (input) {
    var max = Number(input.dataset.maxBytes);
    var message = document.getElementById(input.getAttribute('aria-describedby'));
    function tooLarge() {
      return Array.prototype.some.call(input.files || [], function (f) { return f.size > max; });
    }
    function show(refused) {
      if (!message) return;
      message.textContent = refused ? input.dataset.tooLarge : '';
      message.hidden = !refused;
    }
    input.addEventListener('change', function () { show(tooLarge()); });
    input.form.addEventListener('submit', function (event) {
      if (tooLarge()) {
        event.preventDefault();
        show(true);
        input.focus();
      }
    });
  });
})();
