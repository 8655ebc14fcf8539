"""StreamField blocks of the content pages.

Catalogue rows are chosen through `cms.choosers`; what a block shows is decided
when the page is served, so the catalogue's state wins over the page's: a chosen
product that is not listable (quality.gate) is left out, a producer no longer
active is left out. Chosen rows load in one query per block type per page (Wagtail
bulk-loads chooser values), with listability annotated in that query.
"""

from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock
from wagtail.models import Locale

from .choosers import (
    BrandChooserBlock,
    GatedProductChooserBlock,
    ProducerChooserBlock,
    ProductChooserBlock,
    RegionChooserBlock,
)

RICH_TEXT_FEATURES = ["h2", "h3", "bold", "italic", "link", "ol", "ul"]


def on_the_market(products):
    """The chosen products customers may see now, in the editor's order (uses the gate's annotation)."""
    return [product for product in products if product is not None and product.is_listable]


def chosen_products(block, value):
    """Every product chosen anywhere inside `value` (a value of `block`), listable or not."""
    if isinstance(block, GatedProductChooserBlock):
        if value is not None:
            yield value
    elif isinstance(block, blocks.StreamBlock):
        for child in value or []:
            yield from chosen_products(child.block, child.value)
    elif isinstance(block, blocks.ListBlock):
        for item in value or []:
            yield from chosen_products(block.child_block, item)
    elif isinstance(block, blocks.StructBlock):
        for name, child_block in block.child_blocks.items():
            yield from chosen_products(child_block, (value or {}).get(name))


def _page_locale_id(parent_context):
    """The locale of the page the block is on (the active language's when rendered elsewhere)."""
    page = (parent_context or {}).get("page")
    return getattr(page, "locale_id", None) or Locale.get_active().pk


class HeroBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    image = ImageChooserBlock(label=_("Image"), required=False)
    link_text = blocks.CharBlock(label=_("Button text"), required=False, max_length=60)
    link_url = blocks.CharBlock(label=_("Button link"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Hero")
        template = "cms/blocks/hero.html"


class FeaturedProductsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    products = blocks.ListBlock(
        ProductChooserBlock(label=_("Product")),
        label=_("Products"),
        min_num=1,
        max_num=24,
        help_text=_(
            "Products that leave the market (certificate expired, revoked or suspended; withdrawn) are hidden "
            "from the public page automatically; the page editor lists them."
        ),
    )

    class Meta:
        icon = "tag"
        label = _("Featured products")
        template = "cms/blocks/featured_products.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["products"] = on_the_market(value["products"])
        return context


class FeaturedProducersBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    producers = blocks.ListBlock(ProducerChooserBlock(label=_("Producer")), label=_("Producers"), min_num=1, max_num=24)

    class Meta:
        icon = "user"
        label = _("Featured producers")
        template = "cms/blocks/featured_producers.html"

    def get_context(self, value, parent_context=None):
        from .models import StoryPage

        context = super().get_context(value, parent_context)
        producers = [producer for producer in value["producers"] if producer is not None and producer.is_active]
        stories = StoryPage.objects.live().filter(locale_id=_page_locale_id(parent_context), producer__in=producers)
        story_by_producer = {story.producer_id: story for story in stories}
        context["producers"] = [(producer, story_by_producer.get(producer.pk)) for producer in producers]
        return context


class FeaturedBrandsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    brands = blocks.ListBlock(BrandChooserBlock(label=_("Brand")), label=_("Brands"), min_num=1, max_num=24)

    class Meta:
        icon = "pick"
        label = _("Featured brands")
        template = "cms/blocks/featured_brands.html"

    def get_context(self, value, parent_context=None):
        context = super().get_context(value, parent_context)
        context["brands"] = [brand for brand in value["brands"] if brand is not None]
        return context


class FeaturedRegionsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    regions = blocks.ListBlock(RegionChooserBlock(label=_("Province")), label=_("Provinces"), min_num=1, max_num=32)

    class Meta:
        icon = "site"
        label = _("Featured provinces")
        template = "cms/blocks/featured_regions.html"

    def get_context(self, value, parent_context=None):
        """Each chosen province with its region page in the page's language (a page is not required)."""
        from .models import RegionPage

        context = super().get_context(value, parent_context)
        regions = [region for region in value["regions"] if region is not None]
        pages = RegionPage.objects.live().filter(locale_id=_page_locale_id(parent_context), region__in=regions)
        page_by_region = {page.region_id: page for page in pages.select_related("image")}
        context["regions"] = [(region, page_by_region.get(region.pk)) for region in regions]
        return context


class LatestNewsBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    count = blocks.IntegerBlock(label=_("Number of articles"), min_value=1, max_value=12, default=3)

    class Meta:
        icon = "doc-full"
        label = _("Latest news")
        template = "cms/blocks/latest_news.html"

    def get_context(self, value, parent_context=None):
        from .models import ArticlePage

        context = super().get_context(value, parent_context)
        context["articles"] = list(
            ArticlePage.objects.live()
            .filter(locale_id=_page_locale_id(parent_context))
            .select_related("image")
            .order_by("-date", "-pk")[: value["count"]]
        )
        return context


class RunningCampaignsBlock(blocks.StructBlock):
    """Pre-order campaigns taking commitments now (shop.preorders: approved, before the deadline, product listable)."""

    heading = blocks.CharBlock(label=_("Heading"), max_length=120, required=False)
    count = blocks.IntegerBlock(label=_("Number of campaigns"), min_value=1, max_value=12, default=3)

    class Meta:
        icon = "pick"
        label = _("Running pre-order campaigns")
        template = "cms/blocks/running_campaigns.html"

    def get_context(self, value, parent_context=None):
        from shop.preorders.views import campaigns_for_pages

        context = super().get_context(value, parent_context)
        context["campaigns"] = list(campaigns_for_pages().running().order_by("deadline", "pk")[: value["count"]])
        return context


class QuoteBlock(blocks.StructBlock):
    quote = blocks.TextBlock(label=_("Quote"))
    attribution = blocks.CharBlock(label=_("Who said it"), required=False, max_length=120)

    class Meta:
        icon = "openquote"
        label = _("Quote")
        template = "cms/blocks/quote.html"


class CaptionedImageBlock(blocks.StructBlock):
    image = ImageChooserBlock(label=_("Image"))
    caption = blocks.CharBlock(label=_("Caption"), required=False, max_length=250)

    class Meta:
        icon = "image"
        label = _("Image")
        template = "cms/blocks/image.html"


def rich_text_block():
    return blocks.RichTextBlock(label=_("Text"), features=RICH_TEXT_FEATURES)


class HomeBodyBlock(blocks.StreamBlock):
    """The home page's sections."""

    hero = HeroBlock()
    text = rich_text_block()
    featured_regions = FeaturedRegionsBlock()
    featured_products = FeaturedProductsBlock()
    featured_producers = FeaturedProducersBlock()
    featured_brands = FeaturedBrandsBlock()
    news = LatestNewsBlock()
    campaigns = RunningCampaignsBlock()


class ArticleBodyBlock(blocks.StreamBlock):
    """The body of stories and news articles."""

    text = rich_text_block()
    image = CaptionedImageBlock()
    quote = QuoteBlock()
    featured_products = FeaturedProductsBlock()
