/**
 * The dashboard's only script (inline, with the CSP nonce): fills the sign-in form from a
 * `#token=` link (a fragment never reaches the server or its logs), asks before a rollback or
 * promotion, and reloads pages marked `data-refresh` while the tab is visible. Everything
 * works without it.
 */
export const dashboardScript = `
(function () {
  var m = /^#token=(.+)$/.exec(location.hash);
  var field = document.getElementById('token');
  if (m && field) { field.value = decodeURIComponent(m[1]); history.replaceState(null, '', location.pathname + location.search); field.form.submit(); return; }
  document.querySelectorAll('form[data-confirm]').forEach(function (f) {
    f.addEventListener('submit', function (e) { if (!confirm(f.getAttribute('data-confirm'))) e.preventDefault(); });
  });
  var every = Number(document.body.getAttribute('data-refresh') || 0);
  if (every > 0) setInterval(function () {
    if (document.visibilityState === 'visible' && !document.querySelector('input:focus, select:focus')) location.reload();
  }, every * 1000);
})();
`;
