"""Sign-up and password reset that survive a mail outage.

Oscar sends the welcome and password-reset e-mails inside the request and lets a mail server
error through: with SMTP down, registering would answer 500 and roll the new account back, and a
password reset would answer 500 only for addresses that have an account (telling a stranger which
ones do). These subclasses log the failure and give the usual answer; shop.urls puts them in
Oscar's URL map under Oscar's names (so the rate limits keyed on those names still apply).
"""

import logging

from oscar.apps.customer import forms as oscar_forms
from oscar.apps.customer import views as oscar_views

logger = logging.getLogger(__name__)


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


def install(oscar_config, customer_config):
    """Make Oscar's URL map use these (call before building Oscar's URLs)."""
    customer_config.login_view = AccountAuthView
    customer_config.register_view = AccountRegistrationView
    oscar_config.password_reset_form = PasswordResetForm
