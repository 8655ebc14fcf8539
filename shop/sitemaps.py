"""/sitemap.xml: every public page in both languages — content pages, listable products, categories,
active producers, running pre-order campaigns. Products go through the listing gate like every other list."""

from urllib.parse import urlsplit

from django.db.models import Q
from wagtail.contrib.sitemaps import Sitemap as PageSitemapBase
from wagtail.models import Page

from catalogue.models import Category, Product
from producers.models import Producer


class PageSitemap(PageSitemapBase):
    """Live public Wagtail pages of every locale (the site's root page and its translations)."""

    def items(self):
        roots = self.get_wagtail_site().root_page.get_translations(inclusive=True)
        trees = Q()
        for root in roots:
            trees |= Page.objects.descendant_of_q(root, inclusive=True)
        return Page.objects.filter(trees).live().public().order_by("path").defer_streamfields().specific()


class CatalogueSitemap(PageSitemapBase):
    """Catalogue rows, one URL per language (/fa/… and /en/…), on the Wagtail site's host like the pages."""

    i18n = True
    alternates = True
    limit = 5000

    def location(self, obj):
        return obj.get_absolute_url()

    def lastmod(self, obj):
        return None

    def get_protocol(self, protocol=None):
        return urlsplit(self.get_wagtail_site().root_url).scheme

    def get_domain(self, site=None):
        return urlsplit(self.get_wagtail_site().root_url).netloc

    def _urls(self, page, protocol, domain):
        return super(PageSitemapBase, self)._urls(page, protocol, domain)


class ProductSitemap(CatalogueSitemap):
    changefreq = "weekly"

    def items(self):
        return Product.objects.browsable().only("pk", "slug", "date_updated").order_by("pk")

    def lastmod(self, product):
        return product.date_updated


class CategorySitemap(CatalogueSitemap):
    def items(self):
        return Category.objects.browsable().order_by("path")


class ProducerSitemap(CatalogueSitemap):
    def items(self):
        return Producer.objects.filter(is_active=True).only("pk", "slug").order_by("pk")


class CampaignSitemap(CatalogueSitemap):
    """Pre-order campaigns taking commitments (their product through the listing gate)."""

    changefreq = "daily"

    def items(self):
        from shop.preorders.models import Campaign

        return Campaign.objects.running().only("pk").order_by("pk")


class CampaignListSitemap(CatalogueSitemap):
    changefreq = "daily"

    def items(self):
        return ["preorders:list"]

    def location(self, name):
        from django.urls import reverse

        return reverse(name)


SITEMAPS = {
    "pages": PageSitemap,
    "products": ProductSitemap,
    "categories": CategorySitemap,
    "producers": ProducerSitemap,
    "campaigns": CampaignSitemap,
    "campaign-list": CampaignListSitemap,
}
