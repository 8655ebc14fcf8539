"""Entries this app adds to Oscar's dashboard menu (read by settings)."""

DASHBOARD_MENU = []
