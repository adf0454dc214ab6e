// The upload pages' script (issue 14): each checklist item takes files chosen or dropped on it; each file goes by tus
// (tus-js-client, bundled in the jar) to the console, which relays it to records-service. A dropped connection or a
// closed tab costs at most the chunk in flight: tus asks the server how far it got and goes on from there (the
// upload's address is kept in this browser's localStorage, without any token, until it is done).
(function () {
  'use strict';
  var main = document.querySelector('[data-uploads]');
  if (!main) {
    return;
  }
  var endpoint = main.getAttribute('data-uploads');
  var words = {};
  document.querySelectorAll('#upload-words [data-word]').forEach(function (el) {
    words[el.getAttribute('data-word')] = el.textContent;
  });
  if (!window.tus || !window.tus.isSupported) {
    document.querySelectorAll('.drop').forEach(function (drop) {
      drop.textContent = words.nojs;
    });
    return;
  }
  var csrfHeader = document.querySelector('meta[name=csrf-header]');
  var csrfToken = document.querySelector('meta[name=csrf-token]');
  var headers = {};
  if (csrfHeader && csrfToken) {
    headers[csrfHeader.content] = csrfToken.content;
  }
  var waitingForNetwork = [];

  // back online: every upload the cut stopped goes on from the offset the server has
  window.addEventListener('online', function () {
    var waiting = waitingForNetwork.splice(0);
    waiting.forEach(function (resume) { resume(); });
  });

  function slugOf(error) {
    var response = error && error.originalResponse;
    if (!response) {
      return null;
    }
    try {
      var type = JSON.parse(response.getBody() || '{}').type || '';
      return type.substring(type.lastIndexOf(':') + 1);
    } catch (notJson) {
      return null;
    }
  }

  function statusOf(error) {
    return error && error.originalResponse ? error.originalResponse.getStatus() : 0;
  }

  function say(row, state, text) {
    row.setAttribute('data-state', state);
    row.querySelector('.file-state').textContent = text;
  }

  // the checklist's states after an upload: the page as the server draws it now, items and summary swapped in
  function refreshChecklist() {
    fetch(window.location.href, {credentials: 'same-origin', headers: {'Accept': 'text/html'}})
      .then(function (response) { return response.ok ? response.text() : null; })
      .then(function (html) {
        if (!html) {
          return;
        }
        var fresh = new DOMParser().parseFromString(html, 'text/html');
        document.querySelectorAll('li.item[data-item]').forEach(function (item) {
          var now = fresh.querySelector('li.item[data-item="' + item.getAttribute('data-item') + '"]');
          if (now) {
            item.setAttribute('data-state', now.getAttribute('data-state'));
            item.className = now.className;
            item.querySelector('.item-state').innerHTML = now.querySelector('.item-state').innerHTML;
          } else if (item.querySelector('li.file[data-state=done]')) {
            // the doctor's page lists only what is wanted: an item gone from it has what it needed
            item.setAttribute('data-state', 'RECEIVED');
            item.className = 'item RECEIVED';
            item.querySelector('.item-state').textContent = words.received;
          }
        });
        var summary = fresh.getElementById('summary');
        if (summary) {
          document.getElementById('summary').textContent = summary.textContent;
        }
      })
      .catch(function () { /* the next upload refreshes it again */ });
  }

  function send(file, item, list) {
    var row = document.createElement('li');
    row.className = 'file';
    var name = document.createElement('span');
    name.className = 'file-name';
    name.textContent = file.name;
    var bar = document.createElement('progress');
    bar.max = 100;
    bar.value = 0;
    bar.setAttribute('aria-label', file.name);
    var state = document.createElement('span');
    state.className = 'file-state';
    row.appendChild(name);
    row.appendChild(bar);
    row.appendChild(state);
    list.appendChild(row);
    say(row, 'sending', words.sending);

    var upload = new window.tus.Upload(file, {
      endpoint: endpoint,
      // 1 MiB a request: what a cut can lose, and records' own chunk size
      chunkSize: 1024 * 1024,
      retryDelays: [0, 1000, 3000, 5000, 10000],
      headers: headers,
      metadata: {item: item, filename: file.name, contentType: file.type || 'application/octet-stream'},
      removeFingerprintOnSuccess: true,
      onShouldRetry: function (error) {
        var status = statusOf(error);
        var slug = slugOf(error);
        // the network, the server busy or down, or another request moved the offset: ask again and go on
        return navigator.onLine && (status === 0 || status >= 500 || status === 423
          || slug === 'offset-mismatch' || slug === 'upload-busy');
      },
      onProgress: function (sent, total) {
        var percent = total ? Math.floor(sent * 100 / total) : 0;
        bar.value = percent;
        say(row, 'sending', words.sending + ' ' + percent + ' %');
      },
      onSuccess: function () {
        bar.value = 100;
        say(row, 'done', words.done);
        refreshChecklist();
      },
      onError: function (error) {
        var status = statusOf(error);
        if (status === 0 || status >= 500) {
          // no answer: the connection is gone (or the server); go on by itself once the browser is back online
          say(row, 'offline', navigator.onLine ? words.paused : words.offline);
          var resume = function () {
            say(row, 'sending', words.resuming);
            upload.start();
          };
          if (navigator.onLine) {
            window.setTimeout(resume, 5000);
          } else {
            waitingForNetwork.push(resume);
          }
          return;
        }
        var slug = slugOf(error);
        var why = slug && words['refusal.' + slug];
        say(row, 'refused', words.refused + ': ' + (why || (words.failed + ' (' + status + ')')));
      }
    });
    // a file sent before from this browser (a closed tab, a cut): go on from where it stopped
    upload.findPreviousUploads().then(function (previous) {
      if (previous.length) {
        say(row, 'sending', words.resuming);
        upload.resumeFromPreviousUpload(previous[0]);
      }
      upload.start();
    });
  }

  document.querySelectorAll('li.item').forEach(function (card) {
    var input = card.querySelector('input.files');
    var list = card.querySelector('ul.sending');
    if (!input || !list) {
      return;
    }
    var item = input.getAttribute('data-item');
    input.addEventListener('change', function () {
      Array.prototype.forEach.call(input.files, function (file) { send(file, item, list); });
      input.value = '';
    });
    card.addEventListener('dragover', function (event) {
      event.preventDefault();
      card.classList.add('dragging');
    });
    card.addEventListener('dragleave', function () {
      card.classList.remove('dragging');
    });
    card.addEventListener('drop', function (event) {
      event.preventDefault();
      card.classList.remove('dragging');
      Array.prototype.forEach.call(event.dataTransfer.files, function (file) { send(file, item, list); });
    });
  });
}());
