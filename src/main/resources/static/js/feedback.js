// The PAKN form: only the fields of the chosen subject are shown (all are shown without JavaScript).
document.addEventListener('DOMContentLoaded', () => {
  const select = document.querySelector('[data-feedback-subject]');
  if (!select) {
    return;
  }
  const show = () => {
    document.querySelectorAll('[data-subject-field]').forEach(el => {
      el.hidden = !el.dataset.subjectField.split(' ').includes(select.value);
    });
  };
  select.addEventListener('change', show);
  show();
});
