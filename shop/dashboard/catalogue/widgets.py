"""Oscar's product pickers; a submitted value that cannot be a product's key is not looked up.

Oscar's remote select draws the chosen products by filtering on the submitted values as primary keys,
so a form posted with "Infinity" or "abc" in a recommendation raised ValueError while the page with the
form's errors was drawn (a server error); the field's own "select a valid choice" error shows instead.
"""

from oscar.apps.dashboard.catalogue.widgets import *  # noqa: F403 (Oscar's other widgets unchanged)
from oscar.apps.dashboard.catalogue.widgets import ProductSelect as OscarProductSelect
from oscar.apps.dashboard.catalogue.widgets import ProductSelectMultiple as OscarProductSelectMultiple


def _possible_keys(values):
    return [value for value in values if str(value).isdecimal()]


class ProductSelect(OscarProductSelect):
    def optgroups(self, name, value, attrs=None):
        return super().optgroups(name, _possible_keys(value), attrs)


class ProductSelectMultiple(OscarProductSelectMultiple):
    def optgroups(self, name, value, attrs=None):
        return super().optgroups(name, _possible_keys(value), attrs)
