"""Oscar's product formsets; the stock record formset survives a tampered management form.

A product form posted with a broken management form (TOTAL_FORMS "-1", "NaN" or missing) gives a bound
formset with no form at all; Oscar's pre-filling of the producer's partner read `forms[0]` and raised
IndexError, a server error instead of the formset's own "tampered" error on the page.
"""

from oscar.apps.dashboard.catalogue.formsets import *  # noqa: F403 (Oscar's other formsets unchanged)
from oscar.apps.dashboard.catalogue.formsets import StockRecordFormSet as OscarStockRecordFormSet


class StockRecordFormSet(OscarStockRecordFormSet):
    def set_initial_data(self):
        if self.forms:
            super().set_initial_data()
