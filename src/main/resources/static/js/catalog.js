// Procedure form: shows, while typing, the sum of a case's step shares next to
// its duration, and whether they match (the server checks it again on saving).
(function () {
  function number(value) {
    var v = (value || '').trim().replace(',', '.');
    if (v === '') { return 0; }
    var n = Number(v);
    return isNaN(n) ? NaN : n;
  }
  function round(n) { return Math.round(n * 100) / 100; }
  function update(box) {
    var sum = 0;
    box.querySelectorAll('.mc-share').forEach(function (input) { sum += number(input.value); });
    var duration = box.querySelector('.mc-duration');
    var total = duration ? number(duration.value) : NaN;
    var sumEl = box.querySelector('.mc-share-sum');
    var shownEl = box.querySelector('.mc-duration-shown');
    var status = box.querySelector('.mc-share-status');
    if (sumEl) { sumEl.textContent = isNaN(sum) ? '?' : String(round(sum)); }
    if (shownEl) { shownEl.textContent = duration && duration.value.trim() !== '' ? duration.value.trim() : '—'; }
    if (status) {
      var ok = !isNaN(sum) && !isNaN(total) && duration.value.trim() !== '' && round(sum) === round(total);
      status.textContent = ok ? status.getAttribute('data-ok') : status.getAttribute('data-bad');
      status.classList.toggle('text-bg-success', ok);
      status.classList.toggle('text-bg-warning', !ok);
    }
  }
  document.addEventListener('input', function (evt) {
    var box = evt.target.closest && evt.target.closest('.mc-case');
    if (box) { update(box); }
  });
})();
// The print button of the public procedure page (no inline script under the CSP).
document.addEventListener('click', function (evt) {
  if (evt.target.closest && evt.target.closest('[data-print]')) {
    window.print();
  }
});
