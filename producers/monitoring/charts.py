"""Server-side SVG charts: geometry computed here, drawn by templates (no chart library, no script).

`bars()` makes a horizontal bar chart (one bar per label); `columns()` a column
chart over months with one or more series side by side. Templates only place
the shapes and text, escaped as usual.
"""

from dataclasses import dataclass, field

BAR_HEIGHT = 22
BAR_GAP = 8
LABEL_WIDTH = 170
VALUE_WIDTH = 180
BAR_AREA = 360

COLUMN_AREA_HEIGHT = 200
COLUMN_GROUP_WIDTH = 84
AXIS_HEIGHT = 28
SERIES_COLOURS = ("#2f6f9f", "#e39b2d", "#5a9e4b")
BAR_COLOUR = "#2f6f9f"


@dataclass
class Bar:
    label: str
    value: object
    display: str
    url: str
    y: int
    width: int
    text_y: int


@dataclass
class Chart:
    title: str
    width: int
    height: int
    bars: list = field(default_factory=list)
    columns: list = field(default_factory=list)
    ticks: list = field(default_factory=list)
    legend: list = field(default_factory=list)
    label_width: int = LABEL_WIDTH
    bar_area: int = BAR_AREA
    baseline: int = 0

    @property
    def is_empty(self):
        return not any(bar.value for bar in self.bars) and not any(column["value"] for column in self.columns)


def _scale(value, largest, length):
    if not largest or not value:
        return 0
    return max(1, round(float(value) / float(largest) * length))


def bars(title, items, display=str):
    """items: [(label, value, url)] → a horizontal bar chart."""
    items = list(items)
    largest = max((value for _label, value, _url in items), default=0)
    chart = Chart(
        title=title,
        width=LABEL_WIDTH + BAR_AREA + VALUE_WIDTH,
        height=max(1, len(items)) * (BAR_HEIGHT + BAR_GAP) + BAR_GAP,
    )
    for index, (label, value, url) in enumerate(items):
        y = BAR_GAP + index * (BAR_HEIGHT + BAR_GAP)
        chart.bars.append(
            Bar(
                label=str(label),
                value=value,
                display=display(value),
                url=url,
                y=y,
                width=_scale(value, largest, BAR_AREA),
                text_y=y + BAR_HEIGHT // 2 + 5,
            )
        )
    return chart


def columns(title, months, series, month_label, urls=None):
    """months: [date]; series: [(name, [value per month])] → grouped columns, one group per month."""
    largest = max((value for _name, values in series for value in values), default=0)
    per_group = len(series)
    column_width = max(6, (COLUMN_GROUP_WIDTH - 8) // max(1, per_group))
    chart = Chart(
        title=title,
        width=max(1, len(months)) * COLUMN_GROUP_WIDTH + 20,
        height=COLUMN_AREA_HEIGHT + AXIS_HEIGHT,
        baseline=COLUMN_AREA_HEIGHT,
    )
    chart.legend = [
        {"name": name, "colour": SERIES_COLOURS[index % len(SERIES_COLOURS)], "y": 14 + index * 18}
        for index, (name, _values) in enumerate(series)
    ]
    for month_index, month in enumerate(months):
        x0 = 10 + month_index * COLUMN_GROUP_WIDTH
        chart.ticks.append({"x": x0 + (COLUMN_GROUP_WIDTH - 8) // 2, "label": month_label(month)})
        for series_index, (name, values) in enumerate(series):
            value = values[month_index]
            height = _scale(value, largest, COLUMN_AREA_HEIGHT - 30)
            chart.columns.append(
                {
                    "x": x0 + series_index * column_width,
                    "y": COLUMN_AREA_HEIGHT - height,
                    "width": column_width - 1,
                    "height": height,
                    "value": value,
                    "name": name,
                    "colour": SERIES_COLOURS[series_index % len(SERIES_COLOURS)],
                    "url": (urls or {}).get((series_index, month_index), ""),
                }
            )
    return chart
