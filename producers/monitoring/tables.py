"""Tables as data: the page draws them (templates/producers/monitoring/partials/table.html) and the CSV
export writes the same rows, so a download always says what the page says."""

import csv
import io
from dataclasses import dataclass, field
from decimal import Decimal

from django.http import HttpResponse
from django.utils.encoding import force_str

TEXT = "text"
COUNT = "count"
MONEY = "money"
PERCENT = "percent"


@dataclass
class Cell:
    value: object
    url: str = ""
    kind: str = TEXT


@dataclass
class Table:
    name: str  # used in ?csv=<name> and the file name
    title: str
    columns: list  # header labels
    rows: list = field(default_factory=list)  # lists of Cell
    note: str = ""

    def add(self, *cells):
        self.rows.append([cell if isinstance(cell, Cell) else Cell(cell) for cell in cells])


def _csv_value(cell):
    value = cell.value
    if value is None:
        return ""
    if cell.kind == PERCENT:
        return f"{value:.1f}"
    if cell.kind == MONEY:  # whole tomans, the same on every database
        return str(Decimal(value).quantize(Decimal("1")))
    return force_str(value)


def csv_response(table, filename=None):
    """The table as CSV, UTF-8 with a byte-order mark so spreadsheet programs read Persian correctly."""
    buffer = io.StringIO()
    writer = csv.writer(buffer)
    writer.writerow([force_str(column) for column in table.columns])
    for row in table.rows:
        writer.writerow([_csv_value(cell) for cell in row])
    response = HttpResponse(("\ufeff" + buffer.getvalue()).encode("utf-8"), content_type="text/csv; charset=utf-8")
    response["Content-Disposition"] = f'attachment; filename="{filename or table.name}.csv"'
    return response
