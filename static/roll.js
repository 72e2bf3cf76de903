// The roll page: a tap is never lost. Each row keeps its own queue: one save in flight, the latest further tap
// waiting (latest wins), every tap shown pending until the server confirms, a failed save named with a retry.
// (htmx's own hx-sync queue cannot do this: a row's answer replaces its form, and htmx drops a request queued
// on a form that has left the page. Without JavaScript the forms post as plain HTML forms.)
'use strict';
(function () {
  var inFlight = {}; // row id → the job being saved
  var queued = {}; // row id → the latest tap waiting for it

  function rowOf(element) {
    return element && element.closest ? element.closest('.roll-row') : null;
  }

  function statusOf(row) {
    return row ? row.querySelector('.roll-row__status') : null;
  }

  /** What a tap asks for, read at the moment of the tap: the form's fields and the pressed button's. */
  function jobFrom(form, submitter) {
    var data = new FormData(form, submitter || undefined);
    var body = new URLSearchParams();
    data.forEach(function (value, key) {
      if (typeof value === 'string') body.append(key, value);
    });
    return {
      action: form.getAttribute('hx-post') || form.getAttribute('action'),
      body: body.toString(),
      mark: body.get('note_only') === '1' ? null : body.get('mark'),
      noteOnly: body.get('note_only') === '1',
      label: submitter ? submitter.textContent.trim() : '',
    };
  }

  /** The button a job belongs to in the row as it is now (rows are replaced after each save). */
  function buttonFor(row, job) {
    if (!row) return null;
    if (job.mark && !/undo=1/.test(job.body)) return row.querySelector('.mark-button[value="' + job.mark + '"]');
    if (job.noteOnly) return row.querySelector('.roll-row__note .button') || row.querySelector('.roll-row__note input');
    return row.querySelector('.roll-row__undo button');
  }

  function setPending(rowId, job, pending) {
    var row = document.getElementById(rowId);
    var button = buttonFor(row, job);
    if (!button) return;
    button.classList.toggle('mark-button--pending', pending);
    if (pending) button.setAttribute('aria-busy', 'true');
    else button.removeAttribute('aria-busy');
  }

  function showSaving(rowId) {
    var status = statusOf(document.getElementById(rowId));
    if (!status) return;
    var saving = document.createElement('p');
    saving.className = 'roll-row__saving';
    saving.textContent = status.getAttribute('data-saving') || '';
    status.replaceChildren(saving);
  }

  function fail(rowId, job) {
    var row = document.getElementById(rowId);
    setPending(rowId, job, false);
    var status = statusOf(row);
    if (!status) return;
    var notice = document.createElement('div');
    notice.className = 'notice notice--error';
    notice.setAttribute('role', 'alert');
    var template = status.getAttribute('data-failed-mark');
    notice.textContent = template ? template.replace('{mark}', job.label) : status.getAttribute('data-failed') || '';
    var retry = document.createElement('button');
    retry.type = 'button';
    retry.className = 'link-button link-button--ink roll-row__retry';
    retry.textContent = status.getAttribute('data-retry') || 'Retry';
    retry.addEventListener('click', function () {
      tap(rowId, job);
    });
    notice.append(' ', retry);
    status.replaceChildren(notice);
    row.classList.add('roll-row--failed');
  }

  function swapRow(rowId, html) {
    var row = document.getElementById(rowId);
    if (!row) return;
    // htmx.swap also applies the out-of-band counts and "everyone else present" that come with the row.
    htmx.swap(row, html, { swapStyle: 'outerHTML', swapDelay: 0, settleDelay: 0 });
  }

  function send(rowId, job) {
    inFlight[rowId] = job;
    var row = document.getElementById(rowId);
    if (row) row.classList.remove('roll-row--failed');
    setPending(rowId, job, true);
    showSaving(rowId);
    fetch(job.action, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'HX-Request': 'true', 'Content-Type': 'application/x-www-form-urlencoded' },
      body: job.body,
    })
      .then(function (response) {
        var redirect = response.headers.get('HX-Redirect');
        if (redirect) {
          window.location.assign(redirect);
          return;
        }
        // 2xx is the saved row; 422 is the row with the server's reason (locked, not enrolled, …).
        if (response.ok || response.status === 422) {
          return response.text().then(function (html) {
            swapRow(rowId, html);
          });
        }
        throw new Error('not saved: ' + response.status);
      })
      .catch(function () {
        fail(rowId, job);
      })
      .then(function () {
        delete inFlight[rowId];
        var next = queued[rowId];
        delete queued[rowId];
        if (next) send(rowId, next);
        else maybeSendRest();
      });
  }

  function tap(rowId, job) {
    if (!inFlight[rowId]) {
      send(rowId, job);
      return;
    }
    var waiting = queued[rowId];
    if (waiting) {
      // A note saved with Enter after a queued mark tap: keep that mark, carry the new note with it.
      if (job.noteOnly && !waiting.noteOnly) {
        var body = new URLSearchParams(waiting.body);
        body.set('note', new URLSearchParams(job.body).get('note') || '');
        job = { action: waiting.action, body: body.toString(), mark: waiting.mark, noteOnly: false, label: waiting.label };
      }
      if (buttonFor(document.getElementById(rowId), waiting) !== buttonFor(document.getElementById(rowId), inFlight[rowId])) setPending(rowId, waiting, false);
    }
    queued[rowId] = job;
    setPending(rowId, job, true);
  }

  var restWaiting = false;

  function busy() {
    return Object.keys(inFlight).length > 0 || Object.keys(queued).length > 0;
  }

  /** "Everyone else present" waits for the rows' own saves, so it never marks present a child tapped absent. */
  function maybeSendRest() {
    if (!restWaiting || busy()) return;
    restWaiting = false;
    var rest = document.getElementById('roll-rest');
    if (rest && rest.tagName === 'FORM') rest.requestSubmit();
  }

  // Capture phase: the row's forms are handled here before htmx sees their submit.
  document.addEventListener(
    'submit',
    function (event) {
      var form = event.target;
      if (form && form.id === 'roll-rest' && busy()) {
        event.preventDefault();
        event.stopPropagation();
        restWaiting = true;
        var button = form.querySelector('button');
        if (button) button.setAttribute('aria-busy', 'true');
        return;
      }
      // Only the row's marks and its undo; other forms in a row (a message to the guardians) are htmx's own.
      var row = rowOf(form);
      var marks = form.classList.contains('roll-row__form') || form.classList.contains('roll-row__undo');
      if (!row || !row.id || !marks) return;
      event.preventDefault();
      event.stopPropagation();
      tap(row.id, jobFrom(form, event.submitter));
    },
    true,
  );
})();
