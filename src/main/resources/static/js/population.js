// The desk's look-up in the national population database: with the applicant's consent ticked, the
// citizen ID is looked up and the name and address fields are filled; the look-up's id goes with the
// filing so the dossier is marked as using population data. The answer never signs anyone in.
document.addEventListener('DOMContentLoaded', () => {
  const box = document.getElementById('population-lookup');
  if (!box) {
    return;
  }
  const button = document.getElementById('population-lookup-button');
  const result = document.getElementById('population-result');
  const header = document.querySelector('meta[name="csrf-header"]');
  const token = document.querySelector('meta[name="csrf-token"]');
  button.addEventListener('click', async () => {
    const body = new URLSearchParams();
    body.set('idNumber', (document.getElementById('idNumber').value || '').trim());
    body.set('consent', document.getElementById('population-consent').checked ? 'true' : 'false');
    body.set('purpose', 'intake');
    const headers = {'Content-Type': 'application/x-www-form-urlencoded', 'Accept': 'application/json'};
    if (header && token) {
      headers[header.content] = token.content;
    }
    result.textContent = '…';
    try {
      const res = await fetch(box.dataset.populationUrl, {method: 'POST', headers, body, credentials: 'same-origin'});
      const answer = await res.json();
      result.textContent = answer.message || '';
      result.className = 'small mt-1 ' + (answer.found ? 'text-success' : 'text-danger');
      if (answer.found) {
        document.getElementById('fullName').value = answer.fullName || '';
        document.getElementById('address').value = answer.address || '';
        document.getElementById('populationLookupId').value = answer.lookupId;
      }
    } catch (e) {
      result.textContent = box.dataset.failed || 'Error';
      result.className = 'small mt-1 text-danger';
    }
  });
});
