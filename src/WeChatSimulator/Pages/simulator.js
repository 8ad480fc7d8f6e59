// Keeps the chat at its newest line, and reloads when the account sends something by itself
// (customer-service or template messages) while the user is not typing.
(function () {
  var chat = document.getElementById('chat');
  var phone = document.querySelector('[data-testid="phone"][data-openid]');
  if (chat) chat.scrollTop = chat.scrollHeight;
  if (!chat || !phone) return;
  var known = Number(chat.getAttribute('data-count'));
  var url = '/sim/api/users/' + encodeURIComponent(phone.getAttribute('data-openid')) + '/chat';
  setInterval(function () {
    var input = document.getElementById('text-input');
    if (input && input.value) return;
    fetch(url, { cache: 'no-store' })
      .then(function (r) { return r.ok ? r.json() : null; })
      .then(function (entries) { if (entries && entries.length !== known) location.reload(); })
      .catch(function () {});
  }, 2000);
})();
