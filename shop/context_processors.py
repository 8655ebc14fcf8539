from django.utils.translation import get_language_bidi


def site_chrome(request):
    """What every page's frame needs: text direction for the active language."""
    return {"LANGUAGE_DIRECTION": "rtl" if get_language_bidi() else "ltr"}
