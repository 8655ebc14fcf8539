"""Sign-up and password reset that survive a mail outage; an order line's address that answers.

Oscar sends the welcome and password-reset e-mails inside the request and lets a mail server
error through: with SMTP down, registering would answer 500 and roll the new account back, and a
password reset would answer 500 only for addresses that have an account (telling a stranger which
ones do). These subclasses log the failure and give the usual answer; shop.urls puts them in
Oscar's URL map under Oscar's names (so the rate limits keyed on those names still apply).
"""

import logging

from django.shortcuts import get_object_or_404, redirect
from oscar.apps.customer import forms as oscar_forms
from oscar.apps.customer import views as oscar_views
from oscar.core.loading import get_model

logger = logging.getLogger(__name__)
Order = get_model("order", "Order")


class WelcomeEmailMayFail:
    def send_registration_email(self, user):
        try:
            super().send_registration_email(user)
        except Exception:  # the account exists and the customer is signed in; staff read the log
            logger.exception("User %s: the welcome e-mail could not be sent", user.pk)


class AccountAuthView(WelcomeEmailMayFail, oscar_views.AccountAuthView):
    """Oscar's sign-in page, which also registers."""


class AccountRegistrationView(WelcomeEmailMayFail, oscar_views.AccountRegistrationView):
    """Oscar's registration page."""


class PasswordResetForm(oscar_forms.PasswordResetForm):
    def send_password_reset_email(self, site, user, request=None):
        try:
            super().send_password_reset_email(site, user, request)
        except Exception:  # same answer as for an unknown address; the customer can ask again later
            logger.exception("user %s: the password reset e-mail could not be sent", user.pk)


class OrderLineView(oscar_views.OrderLineView):
    """Oscar's order line address only re-orders the line on POST; it has no page of its own (Oscar's
    GET answered 500 for a missing template, and for a line that is not in the order). A GET takes the
    order's owner to the order's page; anyone else, or a line not in the order, finds nothing (404)."""

    def get_object(self, queryset=None):
        order = get_object_or_404(Order, user=self.request.user, number=self.kwargs["order_number"])
        return get_object_or_404(order.lines, id=self.kwargs["line_id"])

    def get(self, request, *args, **kwargs):
        self.get_object()
        return redirect("customer:order", self.kwargs["order_number"])


def install(oscar_config, customer_config):
    """Make Oscar's URL map use these (call before building Oscar's URLs)."""
    customer_config.login_view = AccountAuthView
    customer_config.register_view = AccountRegistrationView
    customer_config.order_line_view = OrderLineView
    oscar_config.password_reset_form = PasswordResetForm
