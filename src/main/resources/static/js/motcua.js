// Sends the CSRF token with every htmx request (kept in meta tags so that no
// inline script is needed and the Content Security Policy can forbid them).
document.addEventListener('htmx:configRequest', function (evt) {
  var header = document.querySelector('meta[name="csrf-header"]');
  var token = document.querySelector('meta[name="csrf-token"]');
  if (header && token) {
    evt.detail.headers[header.content] = token.content;
  }
});
// Buttons with data-confirm ask before submitting their form.
document.addEventListener('click', function (evt) {
  var el = evt.target.closest('[data-confirm]');
  if (el && !window.confirm(el.getAttribute('data-confirm'))) {
    evt.preventDefault();
  }
});
// Inputs with data-autosubmit submit their form when changed.
document.addEventListener('change', function (evt) {
  if (evt.target.matches('[data-autosubmit]') && evt.target.form) {
    evt.target.form.requestSubmit();
  }
});
// File inputs with data-max-bytes refuse a file over the limit before it is sent: the server
// would refuse it too, but only after the whole upload, and a request over the multipart limit
// loses its form fields (and with them its CSRF token) on the way.
document.addEventListener('change', function (evt) {
  var input = evt.target;
  if (!input.matches || !input.matches('input[type="file"][data-max-bytes]')) {
    return;
  }
  var max = parseInt(input.getAttribute('data-max-bytes'), 10);
  var tooLarge = Array.prototype.some.call(input.files || [], function (f) { return f.size > max; });
  input.setCustomValidity(tooLarge ? (input.getAttribute('data-too-large') || 'Too large') : '');
  if (tooLarge) {
    input.reportValidity();
  }
});
