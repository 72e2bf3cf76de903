// Every page: when the server answers "busy" (503 with Retry-After) to a form sent by htmx, send it again
// after the wait it asks for, a few times, so a parent pressing "enrol" in the rush need not press again.
// A whole "busy" page reloads itself (a meta refresh); here its seconds count down on screen.
'use strict';
(function () {
  var MAX_RETRIES = 3;
  document.addEventListener('htmx:responseError', function (event) {
    var xhr = event.detail && event.detail.xhr;
    if (!xhr || xhr.status !== 503 || !window.htmx) return;
    var form = event.detail.elt && event.detail.elt.closest ? event.detail.elt.closest('form') : null;
    if (!form) return;
    var tries = Number(form.getAttribute('data-busy-retries') || '0');
    if (tries >= MAX_RETRIES) return;
    form.setAttribute('data-busy-retries', String(tries + 1));
    var seconds = Number(xhr.getResponseHeader('Retry-After')) || 2;
    // A little jitter, so the retries of a thousand parents do not arrive together again.
    setTimeout(function () {
      window.htmx.trigger(form, 'submit');
    }, seconds * 1000 + Math.random() * 1000);
  });

  var countdown = document.querySelector('[data-countdown]');
  if (countdown) {
    var left = Number(countdown.getAttribute('data-countdown'));
    var template = countdown.getAttribute('data-template') || '';
    var tick = setInterval(function () {
      left -= 1;
      if (left <= 0) clearInterval(tick);
      countdown.textContent = template.replace('{seconds}', String(Math.max(left, 0)));
    }, 1000);
  }

  // The catalogue's filters on a phone: folded behind their button (which says how many are on) until asked.
  var toggle = document.querySelector('.filters__toggle');
  var more = toggle && document.getElementById(toggle.getAttribute('aria-controls'));
  if (toggle && more && window.matchMedia('(max-width: 59.99rem)').matches) {
    toggle.hidden = false;
    toggle.setAttribute('aria-expanded', 'false');
    more.hidden = true;
    toggle.addEventListener('click', function () {
      var open = more.hidden;
      more.hidden = !open;
      toggle.setAttribute('aria-expanded', open ? 'true' : 'false');
    });
  }
})();
