// Keeps the board's fill bars current: every 4 s, while the tab is visible, each day shown is
// read again from the public schedule API and the numbers of every pool card are replaced.
(function () {
  var days = document.querySelectorAll('[data-board-date]');
  if (!days.length) return;

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

  function refresh() {
    if (document.hidden) return;
    days.forEach(function (day) {
      fetch('/api/schedule?date=' + encodeURIComponent(day.getAttribute('data-board-date')), { cache: 'no-store', headers: { Accept: 'application/json' } })
        .then(function (r) { return r.ok ? r.json() : []; })
        .then(function (pools) { pools.forEach(update); })
        .catch(function () { /* the next tick tries again */ });
    });
  }

  setInterval(refresh, 4000);
})();
