"""The demo's content pages: province pages, producers' stories and news, in Persian and English.

Runs after `loader.load_home_pages()`. Every page is found by a natural key (its
province, its producer, or its slug, and its locale), created when missing and
otherwise left as editors made it. English pages are translations of the Persian
ones (`copy_for_translation`, what Wagtail's simple translation does), so each pair
shares a translation key. The home pages gain the featured sections once.
One featured product (the suspended one) is off the market on purpose: the public
page leaves it out and the editor sees why in the admin.
"""

import io
import random
from datetime import date

from django.core.files.images import ImageFile
from django.utils.html import escape
from PIL import Image
from wagtail.images.models import Image as WagtailImage
from wagtail.models import Locale

from catalogue.models import Product
from cms.editorial import ensure_editorial_workflow
from cms.models import (
    ArticlePage,
    HomePage,
    NewsIndexPage,
    RegionIndexPage,
    RegionPage,
    StoryIndexPage,
    StoryPage,
)
from producers.models import Producer, Region

from . import certification, images

INDEXES = {
    RegionIndexPage: {
        "slug": "regions",
        "fa": ("استان‌ها", "<p>هر استان بر پایه‌ی مطالعه‌ی مزیت‌های نسبی خود رشته‌های اولویت‌دار دارد.</p>"),
        "en": (
            "Provinces",
            "<p>Each province has priority crafts, chosen by a study of its comparative advantages.</p>",
        ),
    },
    StoryIndexPage: {
        "slug": "stories",
        "fa": ("داستان تولیدکنندگان", "<p>آشنایی با کسانی که محصولات این بازار را می‌سازند.</p>"),
        "en": ("Producers' stories", "<p>Meet the people who make what this market sells.</p>"),
    },
    NewsIndexPage: {
        "slug": "news",
        "fa": ("اخبار", "<p>اخبار طرح ملی توسعه مشاغل خانگی و بازار.</p>"),
        "en": ("News", "<p>News of the national programme for home businesses and of the market.</p>"),
    },
}

# Six provinces get a page (Kerman has none yet: the home page shows it without a link).
REGION_PAGES = {
    "ardabil": {
        "fa": {
            "intro": "اردبیل با ۱۲۰۰ متقاضی ثبت‌نام‌شده از استان‌های پیشگام طرح است.",
            "advantages": (
                "<p>دامداری و زنبورداری دامنه‌های سبلان، سنت دیرینه‌ی قالی‌بافی و گلیم‌بافی، و اتحادیه‌ی "
                "تعاونی‌های فرش دستباف که در آموزش و غربالگری بافنده‌ها شریک است.</p>"
            ),
            "crafts": (
                "<ul><li>چرم دست‌دوز، قالی‌بافی و تابلو فرش</li><li>خیاطی لباس و رودوزی سنتی</li>"
                "<li>گلیم‌بافی، بسته‌بندی عسل و گیاهان دارویی</li></ul>"
            ),
        },
        "en": {
            "intro": "With 1,200 registered applicants, Ardabil is one of the programme's pioneering provinces.",
            "advantages": (
                "<p>Herding and beekeeping on the slopes of Sabalan, a long tradition of carpet and kilim weaving, "
                "and a union of hand-woven carpet cooperatives that trains and screens weavers with the programme.</p>"
            ),
            "crafts": (
                "<ul><li>Hand-sewn leather, carpet weaving and tableau carpets</li>"
                "<li>Tailoring and traditional embroidery</li><li>Kilim, honey packaging and medicinal herbs</li></ul>"
            ),
        },
    },
    "west-azerbaijan": {
        "fa": {
            "intro": "شبکه‌ی پوشاک آذربایجان غربی به بازار کشورهای همسایه هم می‌فروشد.",
            "advantages": "<p>تقاضای مرزی برای پوشاک از کشورهای همسایه، و کارگاه‌های ارومیه و مهاباد.</p>",
            "crafts": "<ul><li>پوشاک در شبکه‌ی یک کسب‌وکار پیشران</li><li>رودوزی و عسل</li></ul>",
        },
        "en": {
            "intro": "West Azerbaijan's clothing network also sells across the border to neighbouring countries.",
            "advantages": "<p>Cross-border demand for clothing, and workshops in Urmia and Mahabad.</p>",
            "crafts": "<ul><li>Clothing, in a lead business's network</li><li>Embroidery and honey</li></ul>",
        },
    },
    "sistan-baluchestan": {
        "fa": {
            "intro": (
                "در سیستان و بلوچستان شبکه‌های زنجیره‌ی ارزش کارهایی با بازار خوب را جایگزین کارهای سنتی کم‌بازده کرده‌اند."
            ),
            "advantages": (
                "<p>سوزن‌دوزی بلوچ با نام و نشان شناخته‌شده، و شبکه‌هایی که بازار را پیش از تولید پیدا می‌کنند.</p>"
            ),
            "crafts": "<ul><li>رودوزی سنتی (سوزن‌دوزی بلوچ)</li><li>پوشاک و گیاهان دارویی</li></ul>",
        },
        "en": {
            "intro": (
                "In Sistan and Baluchestan, value-chain networks favour work with a good market over less "
                "rewarding traditional jobs."
            ),
            "advantages": (
                "<p>Baluch needlework, a name customers already know, and networks that find the market before "
                "production starts.</p>"
            ),
            "crafts": (
                "<ul><li>Traditional embroidery (Baluch needlework)</li><li>Clothing and medicinal herbs</li></ul>"
            ),
        },
    },
    "fars": {
        "fa": {
            "intro": "طرح در فارس با زنان سرپرست خانوار آغاز شد و زنجیره‌ی ارزش را از آغاز تا بازار پوشش می‌دهد.",
            "advantages": "<p>گبه و گلیم عشایری، پشم محلی و رنگ‌های گیاهی.</p>",
            "crafts": "<ul><li>گلیم و گبه</li><li>قالی دستباف</li><li>گیاهان دارویی</li></ul>",
        },
        "en": {
            "intro": (
                "In Fars the programme began with women heads of household and covers the value chain from the "
                "start to the market."
            ),
            "advantages": "<p>Nomadic gabbeh and kilim, local wool and plant dyes.</p>",
            "crafts": "<ul><li>Kilim and gabbeh</li><li>Hand-woven carpet</li><li>Medicinal herbs</li></ul>",
        },
    },
    "markazi": {
        "fa": {
            "intro": "سهمیه‌ی استان مرکزی ۲۰۰۰ نفر بود، هرچند از استان‌های آزمایشی نبود.",
            "advantages": "<p>فرش فراهان و کشت گیاهان دارویی در دشت‌های استان.</p>",
            "crafts": "<ul><li>قالی دستباف</li><li>گیاهان دارویی</li></ul>",
        },
        "en": {
            "intro": "Markazi's quota was 2,000 people, although it was not a pilot province.",
            "advantages": "<p>Farahan carpets and medicinal herbs grown on the province's plains.</p>",
            "crafts": "<ul><li>Hand-woven carpet</li><li>Medicinal herbs</li></ul>",
        },
    },
    "isfahan": {
        "fa": {
            "intro": "اصفهان، شهر نقش‌های قالی و تابلو فرش.",
            "advantages": "<p>نقشه‌کشان و بافندگان با سابقه، و بازار گردشگری.</p>",
            "crafts": "<ul><li>قالی دستباف و تابلو فرش</li><li>چرم دست‌دوز</li></ul>",
        },
        "en": {
            "intro": "Isfahan, the city of carpet designs and tableau carpets.",
            "advantages": "<p>Experienced designers and weavers, and a tourist market.</p>",
            "crafts": "<ul><li>Hand-woven carpet and tableau carpet</li><li>Hand-sewn leather</li></ul>",
        },
    },
}

STORIES = {
    "sabalan-carpet-house": {
        "fa": {
            "title": "از دار خانگی تا بازار: خانه فرش سبلان",
            "intro": "چگونه یک کسب‌وکار پیشران بافنده‌های خانگی روستاهای اردبیل را به بازار رساند.",
            "quote": "هر فرشی که از اینجا می‌رود، پیش از آنکه بافته شود مشتری‌اش را دارد.",
        },
        "en": {
            "title": "From the home loom to the market: Sabalan Carpet House",
            "intro": "How a lead business brought the home weavers of Ardabil's villages to the market.",
            "quote": "Every carpet that leaves here had its customer before it was woven.",
        },
    },
    "golbibi-needlework": {
        "fa": {
            "title": "سوزن‌دوزی گل‌بی‌بی",
            "intro": "سوزن‌دوزی بلوچ، با استاندارد و برچسب، از خانه به خانه‌ی مشتری.",
            "quote": "آموزش به ما یاد داد کار را اندازه بگیریم، نه فقط زیبا بدوزیم.",
        },
        "en": {
            "title": "Golbibi needlework",
            "intro": "Baluch needlework, standardized and labelled, from one home to another.",
            "quote": "Training taught us to measure our work, not only to sew it beautifully.",
        },
    },
    "firuzabad-gabbeh": {
        "fa": {
            "title": "گبه‌های فیروزآباد",
            "intro": "پشم محلی، رنگ گیاهی و دار خانگی در فارس.",
            "quote": "سفارش که برسد، دار را برپا می‌کنیم.",
        },
        "en": {
            "title": "The gabbehs of Firuzabad",
            "intro": "Local wool, plant dyes and home looms in Fars.",
            "quote": "When an order comes in, we set up the loom.",
        },
    },
}

ARTICLES = [
    {
        "slug": "certificates-for-home-products",
        "date": date(2026, 10, 12),
        "fa": {
            "title": "گواهینامه‌ی کیفیت برای محصولات خانگی",
            "intro": "محصولات این بازار پیش از فروش با استاندارد رشته‌ی خود سنجیده می‌شوند.",
            "text": (
                "<p>کارشناسان کیفیت هر محصول را با فهرست استاندارد رشته‌اش بررسی می‌کنند و گواهینامه صادر "
                "می‌کنند. محصولی که گواهینامه‌ی معتبر ندارد در بازار دیده نمی‌شود.</p>"
            ),
        },
        "en": {
            "title": "Quality certificates for home-made products",
            "intro": "Every product in this market is checked against its craft's standard before it is sold.",
            "text": (
                "<p>Quality officers check each product against its craft's checklist and issue a certificate. "
                "A product without a certificate in force is not shown in the market.</p>"
            ),
        },
    },
    {
        "slug": "order-driven-production",
        "date": date(2026, 11, 2),
        "fa": {
            "title": "تولید سفارش‌محور",
            "intro": "محصول پیش از ورود به بازار مشتری‌اش را داشته باشد.",
            "text": (
                "<p>بسیاری از کارهای این بازار پس از سفارش ساخته می‌شوند؛ زمان ساخت در صفحه‌ی هر محصول آمده "
                "است. وام‌ها نیز در آغاز داده نمی‌شوند، بلکه وقتی کسب‌وکار به مرحله‌ای از رشد رسید.</p>"
            ),
        },
        "en": {
            "title": "Order-driven production",
            "intro": "A product should have its customer before it enters the market.",
            "text": (
                "<p>Much of what this market sells is made after it is ordered; each product page gives the time "
                "it takes. Loans, too, come not at the start but once a business has grown.</p>"
            ),
        },
    },
]

# The home page's featured sections; the last product is the suspended one (see the module docstring).
FEATURED_REGIONS = ["ardabil", "west-azerbaijan", "sistan-baluchestan", "fars", "markazi", "isfahan", "kerman"]
FEATURED_PRODUCTS = ["HM-HWC-001", "HM-HNY-001", "HM-EMB-001", "HM-LTH-001", certification.SUSPENDED[0]]
FEATURED_PRODUCERS = list(STORIES)
HOME_HEADINGS = {
    "fa": {
        "regions": "استان‌ها",
        "products": "برگزیده‌ها",
        "producers": "تولیدکنندگان",
        "news": "تازه‌ها",
        "campaigns": "پیش‌خرید: تولید به سفارش شما",
    },
    "en": {
        "regions": "Provinces",
        "products": "Featured products",
        "producers": "Producers",
        "news": "News",
        "campaigns": "Pre-order: made when you order",
    },
}


def load(stdout=None):
    """Create the missing content pages and home sections (idempotent); return the number of content pages."""
    ensure_editorial_workflow()
    locales = {code: Locale.objects.get(language_code=code) for code in ("fa", "en")}
    home = HomePage.objects.get(locale=locales["fa"])
    indexes = {model: _index(model, home, locales) for model in INDEXES}
    for slug, copy in REGION_PAGES.items():
        _region_page(indexes[RegionIndexPage], Region.objects.get(slug=slug), copy, locales)
    for slug, copy in STORIES.items():
        _story_page(indexes[StoryIndexPage], Producer.objects.get(slug=slug), copy, locales)
    for spec in ARTICLES:
        _article(indexes[NewsIndexPage], spec, locales)
    for language, locale in locales.items():
        _feature_on_home(HomePage.objects.get(locale=locale), language)
        _campaigns_on_home(HomePage.objects.get(locale=locale), language)
    if stdout is not None:
        stdout.write(
            f"  content pages: {RegionPage.objects.count()} province, {StoryPage.objects.count()} story, "
            f"{ArticlePage.objects.count()} news (fa and en)\n"
        )


def _publish(page):
    page.save_revision().publish()
    return page


def _translate(persian, locale, fields):
    """The page's translation in `locale` (created from the Persian one when missing)."""
    existing = type(persian).objects.filter(translation_key=persian.translation_key, locale=locale).first()
    if existing is not None:
        return existing
    english = persian.copy_for_translation(locale)
    for name, value in fields.items():
        setattr(english, name, value)
    return _publish(english)


def _index(model, home, locales):
    spec = INDEXES[model]
    persian = model.objects.filter(locale=locales["fa"]).first()
    if persian is None:
        title, intro = spec["fa"]
        persian = _publish(home.add_child(instance=model(title=title, slug=spec["slug"], intro=intro)))
    title, intro = spec["en"]
    _translate(persian, locales["en"], {"title": title, "slug": spec["slug"], "intro": intro})
    return persian


def _region_page(index, region, copy, locales):
    persian = RegionPage.objects.filter(region=region, locale=locales["fa"]).first()
    if persian is None:
        persian = _publish(
            index.add_child(
                instance=RegionPage(
                    title=region.name_fa,
                    slug=region.slug,
                    region=region,
                    image=_picture(
                        f"Demo province {region.slug}", region.priority_crafts.values_list("slug", flat=True)
                    ),
                    **copy["fa"],
                )
            )
        )
    _translate(persian, locales["en"], {"title": region.name_en, **copy["en"]})


def _story_body(copy, producer, language):
    story = producer.story_fa if language == "fa" else producer.story_en
    return [
        {"type": "text", "value": f"<p>{escape(story)}</p>"},
        {"type": "quote", "value": {"quote": copy["quote"], "attribution": getattr(producer, f"name_{language}")}},
    ]


def _story_page(index, producer, copy, locales):
    persian = StoryPage.objects.filter(producer=producer, locale=locales["fa"]).first()
    if persian is None:
        persian = _publish(
            index.add_child(
                instance=StoryPage(
                    title=copy["fa"]["title"],
                    slug=producer.slug,
                    producer=producer,
                    intro=copy["fa"]["intro"],
                    image=_picture(f"Demo story {producer.slug}", producer.crafts.values_list("slug", flat=True)),
                    body=_story_body(copy["fa"], producer, "fa"),
                )
            )
        )
    english = copy["en"]
    _translate(
        persian,
        locales["en"],
        {"title": english["title"], "intro": english["intro"], "body": _story_body(english, producer, "en")},
    )


def _article(index, spec, locales):
    persian = ArticlePage.objects.filter(slug=spec["slug"], locale=locales["fa"]).first()
    if persian is None:
        copy = spec["fa"]
        persian = _publish(
            index.add_child(
                instance=ArticlePage(
                    title=copy["title"],
                    slug=spec["slug"],
                    date=spec["date"],
                    intro=copy["intro"],
                    body=[{"type": "text", "value": copy["text"]}],
                )
            )
        )
    copy = spec["en"]
    _translate(
        persian,
        locales["en"],
        {"title": copy["title"], "intro": copy["intro"], "body": [{"type": "text", "value": copy["text"]}]},
    )


def _feature_on_home(home, language):
    """Add the featured sections to a home page that has none (an editor's later changes are kept)."""
    featured = {"featured_regions", "featured_products", "featured_producers", "news"}
    if any(block.block_type in featured for block in home.body):
        return
    headings = HOME_HEADINGS[language]
    regions = {region.slug: region.pk for region in Region.objects.filter(slug__in=FEATURED_REGIONS)}
    products = dict(Product.objects.filter(upc__in=FEATURED_PRODUCTS).values_list("upc", "pk"))
    producers = {producer.slug: producer.pk for producer in Producer.objects.filter(slug__in=FEATURED_PRODUCERS)}
    body = list(home.body.raw_data)
    body.insert(
        1,
        {
            "type": "featured_products",
            "value": {"heading": headings["products"], "products": [products[upc] for upc in FEATURED_PRODUCTS]},
        },
    )
    body += [
        {
            "type": "featured_regions",
            "value": {"heading": headings["regions"], "regions": [regions[slug] for slug in FEATURED_REGIONS]},
        },
        {
            "type": "featured_producers",
            "value": {"heading": headings["producers"], "producers": [producers[s] for s in FEATURED_PRODUCERS]},
        },
        {"type": "news", "value": {"heading": headings["news"], "count": 3}},
    ]
    home.body = body
    _publish(home)


def _campaigns_on_home(home, language):
    """Running pre-order campaigns after the featured products, once (an editor's later changes are kept)."""
    if any(block.block_type == "campaigns" for block in home.body):
        return
    body = list(home.body.raw_data)
    after = next((i + 1 for i, block in enumerate(body) if block["type"] == "featured_products"), len(body))
    body.insert(after, {"type": "campaigns", "value": {"heading": HOME_HEADINGS[language]["campaigns"], "count": 3}})
    home.body = body
    _publish(home)


def _picture(title, crafts):
    """A Wagtail image drawn from the crafts' pictures (reused when it exists)."""
    image = WagtailImage.objects.filter(title=title).first()
    if image is not None:
        return image
    crafts = [craft for craft in crafts if craft in images.DRAWERS][:3] or ["kilim"]
    banner = Image.new("RGB", (1200, 400), "#f3ead8")
    width = 1200 // len(crafts)
    for position, craft in enumerate(crafts):
        tile = images.DRAWERS[craft](random.Random(f"{title}:{craft}"), None)
        banner.paste(
            tile.resize((width, width), Image.Resampling.LANCZOS).crop((0, 0, width, 400)), (position * width, 0)
        )
    buffer = io.BytesIO()
    banner.save(buffer, format="JPEG", quality=82)
    image = WagtailImage(
        title=title, file=ImageFile(io.BytesIO(buffer.getvalue()), name=f"{title.lower().replace(' ', '-')}.jpg")
    )
    image.save()
    return image
