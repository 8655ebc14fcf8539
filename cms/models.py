from django.utils.translation import gettext_lazy as _
from wagtail.fields import StreamField
from wagtail.models import Page

from catalogue.models import Category, Product

from .blocks import HomeBodyBlock


class HomePage(Page):
    """The site's front page, one per locale (Persian and English)."""

    body = StreamField(HomeBodyBlock(), blank=True, verbose_name=_("Body"))

    content_panels = [*Page.content_panels, "body"]
    max_count_per_parent = 1
    parent_page_types = ["wagtailcore.Page"]

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
