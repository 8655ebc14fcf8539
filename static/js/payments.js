/* Card payment on the checkout preview (shop.checkout.views):
 * tokenize the card with Stripe.js (Card Element), let the server create and confirm the
 * PaymentIntent, finish 3-D Secure with confirmCardPayment when Stripe asks for it, then post
 * the form so that the server checks the payment with Stripe and places the order.
 * Configuration comes from the json_script block "card-config"; no inline script. */
(function () {
  "use strict";
  var configNode = document.getElementById("card-config");
  var form = document.getElementById("card-form");
  if (!configNode || !form || typeof window.Stripe !== "function") {
    return;
  }
  var config = JSON.parse(configNode.textContent);
  var stripe = window.Stripe(config.publishableKey);
  var card = stripe.elements().create("card");
  card.mount("#card-element");
  var errors = document.getElementById("card-errors");
  var button = document.getElementById("pay-by-card");
  var label = button.textContent;

  function fail(message) {
    errors.textContent = message || config.messages.failed;
    button.disabled = false;
    button.textContent = label;
  }

  function csrfToken() {
    return form.querySelector("input[name=csrfmiddlewaretoken]").value;
  }

  async function pay() {
    var tokenResult = await stripe.createToken(card);
    if (tokenResult.error) {
      return fail(tokenResult.error.message);
    }
    var response = await fetch(config.payUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": csrfToken() },
      body: new URLSearchParams({ payment_method: tokenResult.token.card.id }),
    });
    var data = await response.json().catch(function () {
      return {};
    });
    if (!response.ok || data.error) {
      return fail(data.error);
    }
    if (data.status === "requires_action") {
      var result = await stripe.confirmCardPayment(data.client_secret);
      var intent = result.paymentIntent;
      if (result.error || !intent || (intent.status !== "succeeded" && intent.status !== "processing")) {
        return fail(result.error && result.error.message);
      }
    } else if (data.status !== "succeeded" && data.status !== "processing") {
      return fail();
    }
    form.submit();
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    button.disabled = true;
    button.textContent = config.messages.working;
    errors.textContent = "";
    pay().catch(function () {
      fail();
    });
  });
})();
