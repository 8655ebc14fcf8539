"""Building content pages for the tests: the two home pages, the three index pages, and pages under them."""

from wagtail.models import Locale

from cms.models import (
    ArticlePage,
    HomePage,
    NewsIndexPage,
    RegionIndexPage,
    RegionPage,
    StoryIndexPage,
    StoryPage,
)
from shop import roles
from tests.factories import UserFactory, home_pages


def publish(page):
    page.save_revision().publish()
    page.refresh_from_db()
    return page


def locale(code):
    return Locale.objects.get_or_create(language_code=code)[0]


def translate(page, code="en", **fields):
    """The page's published translation into `code` (as simple translation makes it), with `fields` changed;
    its parents are translated first when they are not yet."""
    parent = page.get_parent().specific
    if parent.depth > 1 and not parent.has_translation(locale(code)):
        translate(parent, code, title=f"{parent.title} ({code})")
    translation = page.get_translation_or_none(locale(code)) or page.copy_for_translation(locale(code))
    for name, value in fields.items():
        setattr(translation, name, value)
    return publish(translation)


def index_page(model, code="fa"):
    """The index page of `model` under the home page of `code` (Persian first, English as its translation)."""
    existing = model.objects.filter(locale__language_code=code).first()
    if existing:
        return existing
    persian_home, _english_home = home_pages()
    persian = model.objects.filter(locale__language_code="fa").first()
    if persian is None:
        slug = {RegionIndexPage: "regions", StoryIndexPage: "stories", NewsIndexPage: "news"}[model]
        persian = publish(persian_home.add_child(instance=model(title=f"{slug} fa", slug=slug)))
    if code == "fa":
        return persian
    return translate(persian, code, title=f"{persian.slug} {code}")


def region_page(region, code="fa", **fields):
    defaults = {
        "title": region.name_fa if code == "fa" else region.name_en,
        "slug": region.slug,
        "intro": "معرفی استان" if code == "fa" else "About the province",
        "advantages": "<p>مزیت‌ها</p>" if code == "fa" else "<p>Advantages</p>",
        "crafts": "<p>رشته‌ها</p>" if code == "fa" else "<p>Crafts</p>",
    }
    page = RegionPage(region=region, **{**defaults, **fields})
    return publish(index_page(RegionIndexPage, code).add_child(instance=page))


def story_page(producer, code="fa", **fields):
    defaults = {"title": f"Story of {producer.slug}", "slug": producer.slug, "intro": "داستان"}
    page = StoryPage(producer=producer, **{**defaults, **fields})
    return publish(index_page(StoryIndexPage, code).add_child(instance=page))


def article_page(slug, code="fa", **fields):
    defaults = {"title": f"Article {slug}", "slug": slug, "intro": "خلاصه"}
    page = ArticlePage(**{**defaults, **fields})
    return publish(index_page(NewsIndexPage, code).add_child(instance=page))


def set_home_body(blocks, code="fa"):
    """Replace the home page's body with `blocks` (raw StreamField data) and publish it."""
    home = HomePage.objects.get(locale__language_code=code)
    home.body = blocks
    return publish(home)


def products_block(products, heading="Featured"):
    return {"type": "featured_products", "value": {"heading": heading, "products": [p.pk for p in products]}}


def editor_user(**kwargs):
    user = UserFactory(**kwargs)
    user.groups.add(roles.ensure_groups()[roles.EDITORS_GROUP])
    return user


def moderator_user(**kwargs):
    user = UserFactory(**kwargs)
    user.groups.add(roles.ensure_groups()[roles.MODERATORS_GROUP])
    return user
