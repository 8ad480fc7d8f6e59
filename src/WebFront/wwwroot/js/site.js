// Asks before a form marked data-confirm is sent (cancelling a booking); without script it is sent at once.
document.addEventListener('submit', function (e) {
  var message = e.target.getAttribute('data-confirm');
  if (message && !window.confirm(message)) e.preventDefault();
});
document.addEventListener('click', function (e) {
  if (e.target.closest('[data-print]')) window.print();
});
