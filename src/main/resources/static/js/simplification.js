// Simplification proposal form: abolishing a procedure needs no cost after
// simplification, so that side is hidden while ABOLISH is chosen (the server
// ignores it anyway and renders the same on every re-render).
(function () {
  function update() {
    var chosen = document.querySelector('input.mc-kind:checked');
    var abolish = chosen && chosen.value === 'ABOLISH';
    document.querySelectorAll('.mc-after-side').forEach(function (el) { el.classList.toggle('d-none', abolish); });
    document.querySelectorAll('.mc-abolish-note').forEach(function (el) { el.classList.toggle('d-none', !abolish); });
  }
  document.addEventListener('change', function (evt) {
    if (evt.target.classList && evt.target.classList.contains('mc-kind')) { update(); }
  });
})();
