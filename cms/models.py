"""Wagtail pages: the home page, province (region) pages, producer stories and news, one tree per locale.

Pages hold what editors write; what the catalogue knows (a province's brands,
producers and certified products, a producer's products) is read live when the
page is served, through the listing gate, so a page never shows a product that
may not be sold.

    HomePage (fa, and its English translation)
    ├── RegionIndexPage → RegionPage (one per province)
    ├── StoryIndexPage  → StoryPage  (one producer each)
    └── NewsIndexPage   → ArticlePage
"""

from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils import timezone
from django.utils.html import strip_tags
from django.utils.text import Truncator
from django.utils.translation import gettext_lazy as _
from wagtail.fields import RichTextField, StreamField
from wagtail.models import Page
from wagtail.search import index

from catalogue.models import Category, Product
from producers.models import Brand

from .blocks import RICH_TEXT_FEATURES, ArticleBodyBlock, HomeBodyBlock
from .panels import OffMarketProductsPanel


def _image_field():
    return models.ForeignKey(
        "wagtailimages.Image",
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("Image"),
    )


class ContentPage(Page):
    """What every content page shares: its description for search engines and link previews."""

    class Meta:
        abstract = True

    @property
    def meta_description(self):
        return self.search_description or Truncator(strip_tags(getattr(self, "intro", "") or "")).words(40)


class HomePage(ContentPage):
    """The site's front page, one per locale (Persian and English)."""

    body = StreamField(HomeBodyBlock(), blank=True, verbose_name=_("Body"))

    content_panels = [OffMarketProductsPanel(), *Page.content_panels, "body"]
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]
    subpage_types = ["cms.RegionIndexPage", "cms.StoryIndexPage", "cms.NewsIndexPage"]

    class Meta:
        verbose_name = _("Home page")

    NEWEST_PRODUCTS = 8

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["craft_categories"] = Category.get_root_nodes().filter(is_public=True)
        context["newest_products"] = (
            Product.objects.browsable().base_queryset().order_by("-date_created")[: self.NEWEST_PRODUCTS]
        )
        return context


class RegionIndexPage(ContentPage):
    """The provinces of the programme: lists its region pages."""

    intro = RichTextField(_("Introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, "intro"]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.RegionPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Province index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["region_pages"] = (
            RegionPage.objects.child_of(self).live().select_related("region", "image").order_by("region__slug")
        )
        return context


class RegionPage(ContentPage):
    """A province (استان): its comparative advantages and priority crafts in the editors' words, and its
    collective brands, producers, stories and certified products from the catalogue."""

    region = models.ForeignKey(
        "producers.Region", on_delete=models.PROTECT, related_name="pages", verbose_name=_("Province")
    )
    intro = models.TextField(_("Introduction"), blank=True)
    advantages = RichTextField(_("Comparative advantages"), features=RICH_TEXT_FEATURES, blank=True)
    crafts = RichTextField(_("Priority crafts"), features=RICH_TEXT_FEATURES, blank=True)
    image = _image_field()

    content_panels = [*Page.content_panels, "region", "intro", "image", "advantages", "crafts"]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("advantages")]
    parent_page_types = ["cms.RegionIndexPage"]
    subpage_types = []

    PRODUCTS_SHOWN = 12

    class Meta:
        verbose_name = _("Province page")
        verbose_name_plural = _("Province pages")

    def clean(self):
        super().clean()
        if self.region_id and self.locale_id:
            twins = RegionPage.objects.filter(region_id=self.region_id, locale_id=self.locale_id).exclude(pk=self.pk)
            if twins.exists():
                raise ValidationError({"region": _("This province already has a page in this language.")})

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        region = self.region
        context["priority_crafts"] = list(region.priority_crafts.all())
        context["collective_brands"] = list(region.brands.filter(kind=Brand.Kind.COLLECTIVE))
        context["producers"] = list(region.producers.filter(is_active=True))
        context["products"] = list(
            Product.objects.browsable()
            .base_queryset()
            .filter(producer__region=region)
            .order_by("-date_created")[: self.PRODUCTS_SHOWN]
        )
        context["stories"] = list(
            StoryPage.objects.live()
            .filter(locale_id=self.locale_id, producer__region=region)
            .select_related("producer", "image")
        )
        return context


class StoryIndexPage(ContentPage):
    """Producers' stories."""

    intro = RichTextField(_("Introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, "intro"]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.StoryPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("Story index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["stories"] = (
            StoryPage.objects.child_of(self)
            .live()
            .select_related("producer__region", "image")
            .order_by("-first_published_at", "-pk")
        )
        return context


class StoryPage(ContentPage):
    """A producer's story, with the producer's products on the market."""

    producer = models.ForeignKey(
        "producers.Producer", on_delete=models.PROTECT, related_name="story_pages", verbose_name=_("Producer")
    )
    intro = models.TextField(_("Introduction"), blank=True)
    image = _image_field()
    body = StreamField(ArticleBodyBlock(), blank=True, verbose_name=_("Body"))

    content_panels = [OffMarketProductsPanel(), *Page.content_panels, "producer", "intro", "image", "body"]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.StoryIndexPage"]
    subpage_types = []

    PRODUCTS_SHOWN = 8

    class Meta:
        verbose_name = _("Producer story")
        verbose_name_plural = _("Producer stories")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["products"] = (
            list(
                Product.objects.browsable()
                .base_queryset()
                .filter(producer=self.producer)
                .order_by("-date_created")[: self.PRODUCTS_SHOWN]
            )
            if self.producer.is_active
            else []
        )
        return context


class NewsIndexPage(ContentPage):
    """News and articles, newest first."""

    intro = RichTextField(_("Introduction"), features=RICH_TEXT_FEATURES, blank=True)

    content_panels = [*Page.content_panels, "intro"]
    parent_page_types = ["cms.HomePage"]
    subpage_types = ["cms.ArticlePage"]
    max_count_per_parent = 1

    PER_PAGE = 10

    class Meta:
        verbose_name = _("News index")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        articles = ArticlePage.objects.child_of(self).live().select_related("image").order_by("-date", "-pk")
        context["articles"] = Paginator(articles, self.PER_PAGE).get_page(request.GET.get("page"))
        return context


class ArticlePage(ContentPage):
    """A news item or article."""

    date = models.DateField(_("Date"), default=timezone.localdate)
    intro = models.TextField(_("Summary"), blank=True)
    image = _image_field()
    body = StreamField(ArticleBodyBlock(), blank=True, verbose_name=_("Body"))

    content_panels = [OffMarketProductsPanel(), *Page.content_panels, "date", "intro", "image", "body"]
    search_fields = [*Page.search_fields, index.SearchField("intro"), index.SearchField("body")]
    parent_page_types = ["cms.NewsIndexPage"]
    subpage_types = []

    class Meta:
        verbose_name = _("Article")
        verbose_name_plural = _("Articles")
