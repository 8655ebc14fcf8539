"""Wagtail admin hooks: the catalogue choosers."""

from wagtail import hooks

from .choosers import VIEWSETS


@hooks.register("register_admin_viewset")
def register_choosers():
    return VIEWSETS
