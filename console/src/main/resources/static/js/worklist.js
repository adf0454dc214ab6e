// The worklist's live updates and keyboard (issue 13). Served from the jar under the pages' Content-Security-Policy:
// no inline script, nothing from elsewhere. Without it the page still works: reload, links, buttons.
(function () {
  'use strict';

  function list() { return document.getElementById('worklist'); }
  function rows() { return Array.prototype.slice.call(document.querySelectorAll('#worklist tr[data-task]')); }
  function focusedRow() {
    var el = document.activeElement;
    return el && el.closest ? el.closest('#worklist tr[data-task]') : null;
  }
  function typing(el) {
    return el && (el.isContentEditable || /^(INPUT|TEXTAREA|SELECT)$/.test(el.tagName));
  }

  // ---- live: the server says "worklist" when the read model changed; fetch this page again and swap the list ----
  var refreshing = false;
  var pending = false;

  function refresh() {
    if (refreshing) { pending = true; return; }
    var chosen = document.querySelectorAll('#worklist input[name=taskId]:checked').length > 0;
    if (chosen || typing(document.activeElement) && list().contains(document.activeElement)) {
      say('waiting', 'New work has arrived: the list updates when you have assigned the chosen tasks, or reload to see it now.');
      return;
    }
    refreshing = true;
    var keep = focusedRow() ? focusedRow().getAttribute('data-task') : null;
    fetch(window.location.href, { headers: { 'Accept': 'text/html' }, credentials: 'same-origin' })
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) { return; }
        var fresh = new DOMParser().parseFromString(html, 'text/html').getElementById('worklist');
        if (!fresh) { return; }
        var before = rows().length;
        list().replaceWith(fresh);
        if (window.htmx) { window.htmx.process(fresh); }
        var again = keep && document.querySelector('#worklist tr[data-task="' + keep + '"]');
        if (again) { again.focus(); }
        var after = rows().length;
        if (after > before) { say('arrived', 'The list is updated: new work has arrived.'); } else { say('updated', 'The list is updated.'); }
      })
      .catch(function () { /* the next change tries again */ })
      .finally(function () {
        refreshing = false;
        if (pending) { pending = false; refresh(); }
      });
  }

  // the words in the page's language are on the live region itself (data-arrived, data-updated, data-waiting)
  function say(which, english) {
    var news = document.getElementById('worklist-news');
    if (news) { news.textContent = news.getAttribute('data-' + which) || english; }
  }

  function listen() {
    var section = list();
    if (!section || !window.EventSource) { return; }
    var source = new EventSource(section.getAttribute('data-live'));
    source.addEventListener('worklist', refresh);
    window.addEventListener('pagehide', function () { source.close(); });
  }

  // ---- keyboard: j/k move between rows, Enter opens, c claims, / searches ----
  function move(by) {
    var all = rows();
    if (all.length === 0) { return; }
    var at = all.indexOf(focusedRow());
    var next = at < 0 ? (by > 0 ? 0 : all.length - 1) : Math.min(all.length - 1, Math.max(0, at + by));
    all[next].focus();
    all[next].scrollIntoView({ block: 'nearest' });
  }

  document.addEventListener('keydown', function (event) {
    if (event.ctrlKey || event.metaKey || event.altKey || typing(event.target)) { return; }
    var row = focusedRow();
    switch (event.key) {
      case 'j': move(1); break;
      case 'k': move(-1); break;
      case '/': {
        var search = document.getElementById('q');
        if (search) { search.focus(); search.select(); }
        break;
      }
      case 'Enter': {
        if (!row || event.target !== row) { return; }
        var open = row.querySelector('a.open-task');
        if (open) { open.click(); }
        break;
      }
      case 'c': {
        if (!row) { return; }
        var claim = row.querySelector('form.claim[action$="/claim"] button');
        if (claim) { claim.click(); }
        break;
      }
      default: return;
    }
    event.preventDefault();
  });

  if (document.readyState === 'loading') {
    document.addEventListener('DOMContentLoaded', listen);
  } else {
    listen();
  }
})();
