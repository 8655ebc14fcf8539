"""Signing in through the real login form, for browser journeys."""

PASSWORD = "correct-horse-battery"  # tests.factories.UserFactory's


def log_in(page, email, language="fa"):
    page.context.clear_cookies()
    page.goto(f"/{language}/accounts/login/")
    page.fill("#id_login-username", email)
    page.fill("#id_login-password", PASSWORD)
    page.click("button[name=login_submit]")
    page.wait_for_load_state()
    assert "/accounts/login/" not in page.url, f"{email} could not log in"
