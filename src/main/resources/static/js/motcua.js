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
