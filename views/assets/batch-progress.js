// Updates a batch's progress bar without reloading; reloads once when the run has ended so the
// download link (or the error) appears. Without JavaScript the page still shows the state as of
// its last load.
(function () {
  var box = document.querySelector('[data-batch-status]');
  if (!box || box.getAttribute('data-batch-state') === 'done' || box.getAttribute('data-batch-state') === 'failed') return;
  var bar = box.querySelector('.batch-progress');
  var count = box.querySelector('.batch-count');
  var status = box.querySelector('.batch-status');
  function poll() {
    fetch(box.getAttribute('data-batch-status'), { credentials: 'same-origin', cache: 'no-store' })
      .then(function (r) { return r.json(); })
      .then(function (b) {
        if (b.total) bar.max = b.total;
        bar.value = b.done;
        bar.textContent = b.percent + '%';
        count.textContent = b.done + ' / ' + (b.total || '—');
        status.textContent = b.statusLabel;
        if (b.status === 'done' || b.status === 'failed') location.reload();
        else setTimeout(poll, 700);
      })
      .catch(function () { setTimeout(poll, 2000); });
  }
  setTimeout(poll, 400);
})();
