// Keeps the board current while the tab is visible: every 4 s each day shown is read again from
// the public schedule API and the numbers of every pool card are replaced; every 10 s the system
// status (silos and web fronts) is drawn again by the server and swapped in.
(function () {
  var days = document.querySelectorAll('[data-board-date]');

  function field(card, name) { return card.querySelector('[data-f="' + name + '"]'); }
  function text(card, name, value) { var el = field(card, name); if (el) el.textContent = String(value); }
  function width(card, name, part, whole) {
    var el = field(card, name);
    if (el) el.style.width = (whole > 0 ? Math.floor(part * 100 / whole) : 0) + '%';
  }

  function update(pool) {
    var card = document.querySelector('[data-pool="' + pool.poolId + '"]');
    if (!card) return;
    var online = pool.onlineQuota - pool.onlineRemaining;
    var windowIssued = pool.windowQuota - pool.windowRemaining;
    text(card, 'online-issued', online);
    text(card, 'online-quota', pool.onlineQuota);
    width(card, 'online-bar', online, pool.onlineQuota);
    text(card, 'window-issued', windowIssued);
    text(card, 'window-quota', pool.windowQuota);
    width(card, 'window-bar', windowIssued, pool.windowQuota);
    text(card, 'percent', pool.onlinePercent);
    var closed = field(card, 'closed');
    if (closed) closed.hidden = !pool.onlineClosed;
  }

  function refreshPools() {
    if (document.hidden) return;
    days.forEach(function (day) {
      fetch('/api/schedule?date=' + encodeURIComponent(day.getAttribute('data-board-date')), { cache: 'no-store', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (pools) { pools.forEach(update); })
        .catch(function () { /* the next tick tries again */ });
    });
  }

  function refreshStatus() {
    var status = document.querySelector('[data-testid="cluster-status"]');
    if (document.hidden || !status) return;
    fetch('/ops/board?handler=ClusterStatus', { cache: 'no-store' })
      .then(function (r) { return r.ok ? r.text() : null; })
      .then(function (html) {
        if (!html) return;
        var holder = document.createElement('div');
        holder.innerHTML = html.trim();
        var fresh = holder.firstElementChild;
        if (!fresh) return;
        // A table the operator opened stays open (a problem opens it anyway).
        var was = status.querySelector('details');
        var now = fresh.querySelector('details');
        if (was && now && was.open) now.open = true;
        status.replaceWith(fresh);
      })
      .catch(function () { /* the next tick tries again */ });
  }

  if (days.length) setInterval(refreshPools, 4000);
  setInterval(refreshStatus, 10000);
})();
