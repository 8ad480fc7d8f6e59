// The WeChat Pay button of the checkout page. Inside WeChat the JS bridge opens WeChat's cashier with
// the arguments the server signed (no key is ever in the page); on success the patient goes to the
// bill, which asks WeChat Pay for the result. Outside WeChat the link is the local simulator's
// cashier when there is one; with neither, the page says to open it in WeChat.
(function () {
  var button = document.querySelector('[data-wechat-pay]');
  if (!button) return;
  var message = document.querySelector('[data-pay-message]');
  var openInWeChat = document.querySelector('[data-open-in-wechat]');

  function inWeChat() { return typeof WeixinJSBridge !== 'undefined'; }

  function say(text) {
    message.textContent = text;
    message.hidden = false;
  }

  function bridgeArrived() { if (openInWeChat) openInWeChat.hidden = true; }

  if (inWeChat()) bridgeArrived();
  else document.addEventListener('WeixinJSBridgeReady', bridgeArrived, false);

  button.addEventListener('click', function (e) {
    if (inWeChat()) {
      e.preventDefault();
      message.hidden = true;
      WeixinJSBridge.invoke('getBrandWCPayRequest', JSON.parse(button.getAttribute('data-bridge')), function (res) {
        var outcome = res && res.err_msg;
        if (outcome === 'get_brand_wcpay_request:ok') window.location.href = button.getAttribute('data-result');
        else if (outcome === 'get_brand_wcpay_request:cancel') say(button.getAttribute('data-cancelled'));
        else say(button.getAttribute('data-failed'));
      });
    } else if (!button.hasAttribute('data-cashier')) {
      e.preventDefault();
      if (openInWeChat) openInWeChat.hidden = false;
    }
  });
})();
