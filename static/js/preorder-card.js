/* Saving a card for a pre-order commitment (shop.preorders.card_views, templates/preorders/card/fields.html).
 * When the card method is chosen and the form is submitted: ask the server for a SetupIntent
 * (POST data-setup-url → {client_secret}), confirm it with Stripe.js (confirmCardSetup, which
 * handles 3-D Secure), put the SetupIntent's id in the hidden field and submit the form: the server
 * checks the SetupIntent with Stripe. Nothing is charged. Configuration: data-* attributes. */
(function () {
  "use strict";
  var box = document.getElementById("preorder-card");
  if (!box || typeof window.Stripe !== "function") {
    return;
  }
  var form = box.closest("form");
  var stripe = window.Stripe(box.dataset.publishableKey);
  var card = stripe.elements().create("card");
  card.mount("#preorder-card-element");
  var errors = document.getElementById("preorder-card-errors");
  var field = document.getElementById("preorder-setup-intent");
  var button = form.querySelector("button[type=submit]");
  var label = button.textContent;

  function cardChosen() {
    var radios = form.querySelectorAll("input[name=method]");
    if (!radios.length) {
      return false;
    }
    var chosen = form.querySelector("input[name=method]:checked");
    return chosen !== null && chosen.value === box.dataset.cardMethod;
  }

  function showCard() {
    box.hidden = !cardChosen();
  }

  function fail(message) {
    errors.textContent = message || box.dataset.failed;
    button.disabled = false;
    button.textContent = label;
  }

  async function save() {
    var response = await fetch(box.dataset.setupUrl, {
      method: "POST",
      credentials: "same-origin",
      headers: { "X-CSRFToken": form.querySelector("input[name=csrfmiddlewaretoken]").value },
    });
    var data = await response.json().catch(function () {
      return {};
    });
    if (!response.ok || !data.client_secret) {
      return fail(data.error);
    }
    var result = await stripe.confirmCardSetup(data.client_secret, { payment_method: { card: card } });
    if (result.error || !result.setupIntent || result.setupIntent.status !== "succeeded") {
      return fail(result.error && result.error.message);
    }
    field.value = result.setupIntent.id;
    form.submit();
  }

  form.addEventListener("change", showCard);
  showCard();
  form.addEventListener("submit", function (event) {
    if (!cardChosen() || field.value) {
      return;
    }
    event.preventDefault();
    button.disabled = true;
    button.textContent = box.dataset.working;
    errors.textContent = "";
    save().catch(function () {
      fail();
    });
  });
})();
