"""Wagtail choosers for the catalogue: products, producers, brands and regions.

Editors pick catalogue rows in StreamField blocks and page fields through these
modals. They are `ChooserViewSet`s rather than snippets because the catalogue is
owned elsewhere (Oscar's dashboard and the producer portal, with their own
permissions and the material-edit rules): Wagtail must choose these rows, never
edit them, and a snippet registration would add an editing interface.

The product chooser lists every product, those on the market first, with a tag
saying which are off it (an editor may prepare a page for a product under
review); the public page shows only listable ones (see `cms.blocks`).
"""

from django import forms
from django.db.models import BooleanField, ExpressionWrapper, Q
from django.utils.translation import gettext_lazy as _
from wagtail.admin.forms.choosers import BaseFilterForm
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.views.generic import chooser as chooser_views
from wagtail.admin.viewsets.chooser import ChooserViewSet
from wagtail.blocks import ChooserBlock

from catalogue.models import Product
from producers.models import Brand, Producer, Region
from quality.gate import listable_condition
from shop.persian import normalize


class SearchForm(BaseFilterForm):
    """A plain search box over a few text columns (the catalogue is not in Wagtail's search index)."""

    # A few words: a longer term only slows the query down (normalizing can make one character
    # eighteen, and SQLite refuses a LIKE pattern above 50,000 bytes).
    q = forms.CharField(
        label=_("Search term"),
        required=False,
        max_length=200,
        widget=forms.TextInput(attrs={"placeholder": _("Search")}),
    )
    search_fields = ()

    def filter(self, objects):
        query = (self.cleaned_data.get("q") or "").strip()
        if not query:
            return objects
        condition = Q()
        # As typed, and in the normalized form (Arabic ي/ك → ی/ک, digits, no ZWNJ ...).
        for term in {query, normalize(query)}:
            for field in self.search_fields:
                condition |= Q(**{f"{field}__icontains": term})
        self.is_searching = True
        self.search_query = query
        return objects.filter(condition)


def _search_form(*fields):
    return type("SearchForm", (SearchForm,), {"search_fields": fields})


class GatedProductChooserBlock(ChooserBlock):
    """Products load through `base_queryset()`, which annotates listability (the gate) in the same query,
    so a block can drop products off the market with no query per product."""

    def bulk_to_python(self, values):
        found = Product.objects.base_queryset().in_bulk([value for value in values if value is not None])
        return [found.get(value) for value in values]

    def to_python(self, value):
        return self.bulk_to_python([value])[0] if value is not None else None


def _market_status(product):
    return _("On the market") if product.on_market else _("Off the market")


def _active_status(producer):
    return _("Active") if producer.is_active else _("Inactive")


def _views(filter_form_class, extra_columns):
    """The chooser's modal and results views, with a search box and extra columns."""

    class Columns:
        @property
        def columns(self):
            return [*super().columns, *extra_columns()]

    choose = type("ChooseView", (Columns, chooser_views.ChooseView), {"filter_form_class": filter_form_class})
    results = type(
        "ChooseResultsView", (Columns, chooser_views.ChooseResultsView), {"filter_form_class": filter_form_class}
    )
    return choose, results


class ProductChooserViewSet(ChooserViewSet):
    model = Product
    icon = "tag"
    choose_one_text = _("Choose a product")
    choose_another_text = _("Choose another product")
    base_block_class = GatedProductChooserBlock
    register_widget = False  # product foreign keys are Oscar's, not ours to re-widget
    per_page = 20
    choose_view_class, choose_results_view_class = _views(
        _search_form("title_fa", "title_en", "upc"),
        lambda: [
            Column("producer", label=_("Producer")),
            StatusTagColumn(
                "on_market", label=_("Market"), accessor=_market_status, primary=lambda product: product.on_market
            ),
        ],
    )

    def get_object_list(self):
        return (
            Product.objects.exclude(structure=Product.CHILD)
            .select_related("producer")
            .annotate(on_market=ExpressionWrapper(listable_condition(), output_field=BooleanField()))
            .order_by("-on_market", "-date_created", "pk")
        )


class ProducerChooserViewSet(ChooserViewSet):
    model = Producer
    icon = "user"
    choose_one_text = _("Choose a producer")
    choose_another_text = _("Choose another producer")
    choose_view_class, choose_results_view_class = _views(
        _search_form("name_fa", "name_en", "slug"),
        lambda: [
            Column("region", label=_("Province")),
            StatusTagColumn("is_active", label=_("Status"), accessor=_active_status, primary=lambda p: p.is_active),
        ],
    )

    def get_object_list(self):
        return Producer.objects.select_related("region").order_by("-is_active", "name")


class BrandChooserViewSet(ChooserViewSet):
    model = Brand
    icon = "pick"
    choose_one_text = _("Choose a brand")
    choose_another_text = _("Choose another brand")
    choose_view_class, choose_results_view_class = _views(
        _search_form("name_fa", "name_en", "slug"),
        lambda: [Column("kind", label=_("Kind"), accessor="get_kind_display"), Column("region", label=_("Province"))],
    )

    def get_object_list(self):
        return Brand.objects.select_related("region", "producer").order_by("kind", "name")


class RegionChooserViewSet(ChooserViewSet):
    model = Region
    icon = "site"
    choose_one_text = _("Choose a province")
    choose_another_text = _("Choose another province")
    choose_view_class, choose_results_view_class = _views(_search_form("name_fa", "name_en", "slug"), lambda: [])

    def get_object_list(self):
        return Region.objects.order_by("slug")


product_chooser_viewset = ProductChooserViewSet("product_chooser", url_prefix="choose/product")
producer_chooser_viewset = ProducerChooserViewSet("producer_chooser", url_prefix="choose/producer")
brand_chooser_viewset = BrandChooserViewSet("brand_chooser", url_prefix="choose/brand")
region_chooser_viewset = RegionChooserViewSet("region_chooser", url_prefix="choose/region")

VIEWSETS = [product_chooser_viewset, producer_chooser_viewset, brand_chooser_viewset, region_chooser_viewset]

ProductChooserBlock = product_chooser_viewset.get_block_class("ProductChooserBlock", module_path="cms.choosers")
ProducerChooserBlock = producer_chooser_viewset.get_block_class("ProducerChooserBlock", module_path="cms.choosers")
BrandChooserBlock = brand_chooser_viewset.get_block_class("BrandChooserBlock", module_path="cms.choosers")
RegionChooserBlock = region_chooser_viewset.get_block_class("RegionChooserBlock", module_path="cms.choosers")
