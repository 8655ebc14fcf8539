"""Turn the demo data into rows: idempotent, offline and quick.

Every row is found by a natural key (a slug, a code, a UPC, a username, a locale
and translation key), so running `load()` again adds nothing and changes nothing:

- reference data (crafts and their standardized attributes, categories, regions,
  role groups, the shipping country) is brought up to date with the data files;
- content (producers, brands, products, stock, pages) is created when missing and
  otherwise left as it is, so a re-run never undoes what someone did in the demo;
- demo accounts keep their role (groups, staff flags) and their printed password;
- pictures are drawn only for what has none;
- the programme's side (applications in every state of the screening queue,
  courses and completed training) is `shop.demo.programme`'s;
- certification (standards, certificates, the officers' queue, and one expired,
  one revoked and one suspended certificate) is `shop.demo.certification`'s.
"""

import io
from datetime import UTC, datetime
from decimal import Decimal

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.contrib.contenttypes.models import ContentType
from django.core.files.base import ContentFile
from django.core.files.images import ImageFile
from django.utils import translation
from django.utils.text import slugify
from oscar.apps.address.models import Country
from oscar.apps.partner.models import Partner, StockRecord
from wagtail.images.models import Image as WagtailImage
from wagtail.models import Locale, Page, Site

from catalogue.models import (
    Category,
    Product,
    ProductAttribute,
    ProductAttributeValue,
    ProductCategory,
    ProductClass,
    ProductImage,
)
from cms.models import HomePage
from producers.models import Brand, NetworkMembership, Producer, Region
from quality.models import AuditEntry, Certificate, CertificationApplication, ChecklistItem, ChecklistResult, Standard
from shop import roles
from shop.preorders.models import Campaign, Commitment

from . import accounts as account_data
from . import (
    campaigns,
    certification,
    cms_pages,
    history,
    images,
    products_carpets,
    products_food,
    products_leather,
    products_textiles,
    programme,
)
from . import producers as producer_data
from . import regions as region_data

PRODUCT_MODULES = (products_carpets, products_food, products_leather, products_textiles)
PRODUCER_EMAIL_DOMAIN = "producers.demo.example"
MEMBERSHIP_ACCEPTED_AT = datetime(2025, 3, 1, 9, 0, tzinfo=UTC)

HERO_IMAGE_TITLE = "Demo home page hero"
HOME_PAGES = {
    "fa": {
        "slug": "home-fa",
        "title": "بازار محصولات خانگی",
        "heading": "محصولات خانگی با گواهینامه‌ی کیفیت",
        "text": (
            "فرش، گلیم، عسل، چرم و رودوزی‌هایی که تولیدکنندگان خانگی سراسر ایران ساخته‌اند؛ "
            "هر محصول با استاندارد رشته‌ی خود سنجیده شده و گواهینامه‌ی کیفیت دارد."
        ),
        "link_text": "مشاهده‌ی محصولات",
        "link_url": "/fa/catalogue/",
        "paragraph": (
            "<p>این بازار بخشی از <b>طرح ملی توسعه مشاغل خانگی</b> است. تولیدکنندگان خانگی پس از ثبت‌نام، "
            "غربالگری و آموزش، و گاه در شبکه‌ی یک کسب‌وکار پیشران، محصولات خود را با برند و بسته‌بندی "
            "استاندارد مستقیم به دست مشتری می‌رسانند. بسیاری از کارها سفارش‌محورند و با پیش‌سفارش شما ساخته "
            "می‌شوند.</p>"
        ),
    },
    "en": {
        "slug": "home-en",
        "title": "Home-made Market",
        "heading": "Certified home-made products",
        "text": (
            "Carpets, kilims, honey, leather and embroidery made by home producers across Iran; every product "
            "is checked against the standard of its craft and holds a quality certificate."
        ),
        "link_text": "Browse the products",
        "link_url": "/en/catalogue/",
        "paragraph": (
            "<p>This market is part of Iran's <b>national programme for developing home businesses</b>. After "
            "registering, screening and training, and sometimes within the network of a lead business, home "
            "producers sell their work to customers directly, branded and packed to a standard. Much of it is "
            "made to order: your pre-order is what sets the loom or the needle to work.</p>"
        ),
    },
}


def load(stdout=None):
    """Load (or complete) the demo data; return {model name: row count}."""
    log = _logger(stdout)
    with translation.override("fa"):
        groups = roles.ensure_groups()
        crafts = load_crafts()
        log(f"crafts and attributes: {len(crafts)}")
        categories = load_categories()
        log(f"categories: {len(categories)}")
        regions = load_regions(crafts)
        log(f"regions: {len(regions)}")
        users = load_accounts(groups)
        log(f"demo accounts: {len(users)}")
        producers = load_producers(regions, crafts, users[roles.PRODUCER], groups[roles.PRODUCERS_GROUP])
        brands = load_brands(producers, regions)
        load_network(producers)
        log(f"producers: {len(producers)}, brands: {len(brands)}")
        products = load_products(crafts, categories, producers, brands)
        log(f"products: {len(products)}")
        programme.load(stdout)
        certification.load(stdout)
        load_country()
        history.load(stdout)  # twelve months of applications and orders for monitoring
        campaigns.load(stdout)  # pre-order campaigns: running, proposed, succeeded, failed
        load_home_pages()
        log("home pages: fa, en")
        cms_pages.load(stdout)
    return counts()


def counts():
    """Row counts of every model the loader touches."""
    models = [
        Product,
        StockRecord,
        ProductImage,
        ProductAttributeValue,
        ProductCategory,
        Category,
        ProductClass,
        ProductAttribute,
        Region,
        Producer,
        Partner,
        Brand,
        NetworkMembership,
        Standard,
        ChecklistItem,
        CertificationApplication,
        ChecklistResult,
        Certificate,
        AuditEntry,
        get_user_model(),
        Group,
        Page,
        WagtailImage,
        Locale,
        Site,
        Country,
        Campaign,
        Commitment,
    ]
    return {model._meta.label: model.objects.count() for model in models}


def demo_accounts():
    """(role, email, password) of every demo account, for the command to print."""
    return [(account["role"], account["email"], account["password"]) for account in account_data.ACCOUNTS]


# --- Helpers -------------------------------------------------------------------------------


def _logger(stdout):
    def log(message):
        if stdout is not None:
            stdout.write(f"  {message}\n")

    return log


def _sync(model, lookup, values):
    """Get by `lookup` and bring `values` up to date, or create."""
    instance = model.objects.filter(**lookup).first()
    if instance is None:
        return model.objects.create(**lookup, **values)
    return _update(instance, values)


def _update(instance, values):
    """Set `values` on `instance`, saving only when one differs (so a re-run writes nothing)."""
    changed = [name for name, value in values.items() if getattr(instance, name) != value]
    if changed:
        for name in changed:
            setattr(instance, name, values[name])
        instance.save()
    return instance


def _bilingual(spec, field):
    """{field: fa, field_fa: fa, field_en: en} from a spec with `field_fa` and `field_en`."""
    return {field: spec[f"{field}_fa"], f"{field}_fa": spec[f"{field}_fa"], f"{field}_en": spec[f"{field}_en"]}


def _decimal(value):
    return None if value is None else Decimal(str(value))


def _logo_bytes(logo, seed):
    kind, letters = logo
    return images.emblem_logo(letters, seed) if kind == "emblem" else images.monogram_logo(letters, seed)


# --- Crafts, categories, regions -------------------------------------------------------------


def load_crafts():
    """The eight crafts as product classes, each with its standardized attributes: {code: ProductClass}."""
    crafts = {}
    for spec in region_data.CRAFTS:
        product_class = _sync(
            ProductClass,
            {"slug": spec["code"]},
            {**_bilingual(spec, "name"), "track_stock": True, "requires_shipping": True},
        )
        for code, kind, name_fa, name_en, low, high in spec["attributes"]:
            _sync(
                ProductAttribute,
                {"product_class": product_class, "code": code},
                {
                    "name": name_fa,
                    "name_fa": name_fa,
                    "name_en": name_en,
                    "type": kind,
                    "required": True,
                    "min_value": _decimal(low),
                    "max_value": _decimal(high),
                },
            )
        crafts[spec["code"]] = product_class
    return crafts


def _category(spec, parent=None):
    values = {
        **_bilingual(spec, "name"),
        **_bilingual(spec, "description"),
        "slug": spec["code"],
        "is_public": True,
    }
    node = Category.objects.filter(code=spec["code"]).first()
    if node is not None:
        return _update(node, values)
    # a treebeard tree: nodes are added through their parent
    return parent.add_child(code=spec["code"], **values) if parent else Category.add_root(code=spec["code"], **values)


def load_categories():
    """The browsing tree: four top-level categories, one leaf per craft. Returns {code: Category}."""
    nodes = {}
    for top in region_data.CATEGORIES:
        parent = _category(top)
        nodes[top["code"]] = parent
        for child in top["children"]:
            nodes[child["code"]] = _category(child, parent)
    return nodes


def load_regions(crafts):
    regions = {}
    for spec in region_data.REGIONS:
        region = _sync(Region, {"slug": spec["slug"]}, _bilingual(spec, "name"))
        region.priority_crafts.set([crafts[code] for code in spec["priority_crafts"]])
        regions[spec["slug"]] = region
    return regions


# --- Accounts -----------------------------------------------------------------------------------


def load_accounts(groups):
    """One user per role (username = email): {role: User}."""
    User = get_user_model()
    users = {}
    for spec in account_data.ACCOUNTS:
        user = _sync(
            User,
            {"username": spec["email"]},
            {
                "email": spec["email"],
                "first_name": spec["first_name"],
                "last_name": spec["last_name"],
                "is_active": True,
                "is_staff": spec.get("is_staff", False),
                "is_superuser": spec.get("is_superuser", False),
            },
        )
        if not user.check_password(spec["password"]):
            user.set_password(spec["password"])
            user.save(update_fields=["password"])
        user.groups.add(*(groups[name] for name in spec["groups"]))
        users[spec["role"]] = user
    return users


# --- Producers, brands, network --------------------------------------------------------------


def _producer_user(spec, producer_account):
    if spec["slug"] == account_data.PRODUCER_ACCOUNT_FOR:
        return producer_account
    User = get_user_model()
    user = User.objects.filter(username=spec["slug"]).first()
    if user is None:
        user = User(username=spec["slug"], email=f"{spec['slug']}@{PRODUCER_EMAIL_DOMAIN}")
        user.set_unusable_password()
        user.save()
    return user


def load_producers(regions, crafts, producer_account, producers_group):
    """The twelve producers, each with a partner, an account and a logo: {slug: Producer}."""
    producers = {}
    for spec in producer_data.PRODUCERS:
        user = _producer_user(spec, producer_account)
        user.groups.add(producers_group)
        partner, _created = Partner.objects.get_or_create(code=spec["slug"], defaults={"name": spec["name_en"]})
        partner.users.add(user)
        producer, created = Producer.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                **_bilingual(spec, "name"),
                **_bilingual(spec, "story"),
                "kind": spec["kind"],
                "region": regions[spec["region"]],
                "partner": partner,
                "user": user,
            },
        )
        if created:
            producer.crafts.set([crafts[code] for code in spec["crafts"]])
        if not producer.logo:
            producer.logo.save(f"{spec['slug']}.png", ContentFile(_logo_bytes(spec["logo"], spec["slug"])))
        producers[spec["slug"]] = producer
    return producers


def load_brands(producers, regions):
    """A brand per producer plus the regional collective brands: {slug: Brand}."""
    brands = {}
    for spec in producer_data.PRODUCERS:
        producer = producers[spec["slug"]]
        brand, _created = Brand.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                **_bilingual(spec, "name"),
                "description": spec["brand_fa"],
                "description_fa": spec["brand_fa"],
                "description_en": spec["brand_en"],
                "kind": Brand.Kind.PRODUCER,
                "producer": producer,
                "logo": producer.logo.name,
            },
        )
        brands[brand.slug] = brand
    for spec in producer_data.COLLECTIVE_BRANDS:
        brand, _created = Brand.objects.get_or_create(
            slug=spec["slug"],
            defaults={
                **_bilingual(spec, "name"),
                **_bilingual(spec, "description"),
                "kind": Brand.Kind.COLLECTIVE,
                "region": regions[spec["region"]],
            },
        )
        if not brand.logo:
            brand.logo.save(f"{spec['slug']}.png", ContentFile(_logo_bytes(spec["logo"], spec["slug"])))
        brands[brand.slug] = brand
    return brands


def load_network(producers):
    for lead_slug, member_slugs in producer_data.NETWORK.items():
        for member_slug in member_slugs:
            NetworkMembership.objects.get_or_create(
                lead=producers[lead_slug],
                member=producers[member_slug],
                defaults={"status": NetworkMembership.Status.ACCEPTED, "responded_at": MEMBERSHIP_ACCEPTED_AT},
            )


# --- Products -------------------------------------------------------------------------------------


def product_specs():
    """(craft code, spec) of every demo product, in a stable order."""
    for module in PRODUCT_MODULES:
        for craft, specs in module.PRODUCTS.items():
            for spec in specs:
                yield craft, spec


def load_products(crafts, categories, producers, brands):
    """Every demo product with its attributes, category, stock record and pictures: {upc: Product}."""
    products = {}
    for craft, spec in product_specs():
        producer = producers[spec["producer"]]
        product = Product.objects.filter(upc=spec["upc"]).first() or _create_product(
            spec, crafts[craft], producer, producers, brands
        )
        ProductCategory.objects.get_or_create(product=product, category=categories[region_data.CRAFT_CATEGORY[craft]])
        _stock_record(product, producer, spec)
        if not product.images.exists():
            _draw_images(product, craft, spec)
        products[spec["upc"]] = product
    return products


def _create_product(spec, product_class, producer, producers, brands):
    product = Product(
        upc=spec["upc"],
        structure=Product.STANDALONE,
        product_class=product_class,
        is_public=True,
        slug=slugify(spec["title_en"]),
        **_bilingual(spec, "title"),
        **_bilingual(spec, "description"),
        producer=producer,
        maker=producers[spec["maker"]] if spec.get("maker") else None,
        brand=brands[spec.get("brand", spec["producer"])],
        lead_time_days=spec.get("lead_time_days"),
    )
    for code, value in spec["attributes"].items():
        setattr(product.attr, code, value)
    product.save()
    return product


def _stock_record(product, producer, spec):
    StockRecord.objects.get_or_create(
        partner=producer.partner,
        partner_sku=spec["upc"],
        defaults={
            "product": product,
            "price": Decimal(spec["price"]),
            "price_currency": "IRT",
            "num_in_stock": spec["stock"],
        },
    )


def _draw_images(product, craft, spec):
    for variant in range(spec.get("images", 1)):
        picture = images.product_image(craft, spec["upc"], variant, spec.get("look"))
        ProductImage.objects.create(
            product=product,
            original=ContentFile(picture, name=f"{spec['upc'].lower()}-{variant + 1}.jpg"),
            caption=spec["title_fa"] if variant == 0 else "",
            display_order=variant,
        )


# --- Shipping country ------------------------------------------------------------------------------


def load_country():
    return _sync(
        Country,
        {"iso_3166_1_a2": "IR"},
        {
            "iso_3166_1_a3": "IRN",
            "iso_3166_1_numeric": "364",
            "printable_name": "Iran",
            "name": "Islamic Republic of Iran",
            "is_shipping_country": True,
            "display_order": 1,
        },
    )


# --- Wagtail home pages ------------------------------------------------------------------------------


def _hero_image():
    image = WagtailImage.objects.filter(title=HERO_IMAGE_TITLE).first()
    if image is None:
        image = WagtailImage(
            title=HERO_IMAGE_TITLE, file=ImageFile(io.BytesIO(images.hero_image()), name="home-hero.jpg")
        )
        image.save()
    return image


def _home_body(copy, image):
    hero = {
        "heading": copy["heading"],
        "text": copy["text"],
        "image": image.pk,
        "link_text": copy["link_text"],
        "link_url": copy["link_url"],
    }
    return [{"type": "hero", "value": hero}, {"type": "text", "value": copy["paragraph"]}]


def _persian_home(locale, image):
    home = HomePage.objects.filter(locale=locale).first()
    if home is None:
        copy = HOME_PAGES["fa"]
        home = Page.get_first_root_node().add_child(
            instance=HomePage(title=copy["title"], slug=copy["slug"], locale=locale, body=_home_body(copy, image))
        )
        home.save_revision().publish()
    return home


def _make_site_root(home):
    """Point the default site at `home`, then drop Wagtail's welcome page if nothing else uses it."""
    site = Site.objects.filter(is_default_site=True).first()
    if site is None:
        Site.objects.create(hostname="localhost", port=80, root_page=home, is_default_site=True)
    elif site.root_page_id != home.pk:
        site.root_page = home
        site.save()
    welcome_pages = Page.objects.filter(depth=2, content_type=ContentType.objects.get_for_model(Page))
    for page in welcome_pages.exclude(pk__in=Site.objects.values("root_page")):
        if not page.get_children().exists():
            page.delete()


def _english_home(home, locale, image):
    english = HomePage.objects.filter(translation_key=home.translation_key, locale=locale).first()
    if english is None:
        copy = HOME_PAGES["en"]
        english = home.copy_for_translation(locale)
        english.title = copy["title"]
        english.slug = copy["slug"]
        english.body = _home_body(copy, image)
        english.save_revision().publish()
    return english


def load_home_pages():
    """The Persian home page as the default site's root, and its published English translation."""
    persian_locale, _created = Locale.objects.get_or_create(language_code="fa")
    english_locale, _created = Locale.objects.get_or_create(language_code="en")
    image = _hero_image()
    home = _persian_home(persian_locale, image)
    _make_site_root(home)
    english = _english_home(home, english_locale, image)
    return home, english
