// The roll page: a mark that did not reach the server is shown as not saved, never silently lost.
// (htmx swaps 2xx and 422 answers itself; this covers a dropped connection and server errors.)
'use strict';
(function () {
  function showFailure(event) {
    var row = event.target && event.target.closest ? event.target.closest('.roll-row') : null;
    if (!row) return;
    var status = row.querySelector('.roll-row__status');
    if (!status) return;
    var notice = document.createElement('div');
    notice.className = 'notice notice--error';
    notice.setAttribute('role', 'alert');
    notice.textContent = status.getAttribute('data-failed') || '';
    status.replaceChildren(notice);
    row.classList.add('roll-row--failed');
  }
  document.addEventListener('htmx:sendError', showFailure);
  document.addEventListener('htmx:responseError', showFailure);
  document.addEventListener('htmx:beforeRequest', function (event) {
    var row = event.target && event.target.closest ? event.target.closest('.roll-row') : null;
    if (row) row.classList.remove('roll-row--failed');
  });
})();
