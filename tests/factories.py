"""factory_boy factories for the marketplace's models (factories over fixtures)."""

import io
from decimal import Decimal

import factory
from django.contrib.auth import get_user_model
from django.core.files.base import ContentFile
from oscar.apps.partner.models import Partner, StockRecord
from PIL import Image

from catalogue.models import Category, Product, ProductCategory, ProductClass, ProductImage
from producers.models import Brand, Producer, Region


def png_bytes(size=(64, 64), colour=(180, 90, 40)):
    buffer = io.BytesIO()
    Image.new("RGB", size, colour).save(buffer, format="PNG")
    return buffer.getvalue()


class UserFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = get_user_model()
        django_get_or_create = ("username",)

    username = factory.Sequence(lambda n: f"user{n}")
    email = factory.LazyAttribute(lambda o: f"{o.username}@example.com")
    password = factory.django.Password("correct-horse-battery")


class RegionFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Region
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"region-{n}")
    name_fa = factory.Sequence(lambda n: f"استان {n}")
    name_en = factory.Sequence(lambda n: f"Province {n}")


class ProductClassFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = ProductClass
        django_get_or_create = ("slug",)

    slug = factory.Sequence(lambda n: f"craft-{n}")
    name_fa = factory.Sequence(lambda n: f"رشته {n}")
    name_en = factory.Sequence(lambda n: f"Craft {n}")
    track_stock = True


class ProducerFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Producer

    name_fa = factory.Sequence(lambda n: f"کارگاه {n}")
    name_en = factory.Sequence(lambda n: f"Workshop {n}")
    slug = factory.Sequence(lambda n: f"workshop-{n}")
    region = factory.SubFactory(RegionFactory)
    partner = factory.LazyAttribute(lambda o: Partner.objects.create(name=o.name_en))
    user = factory.SubFactory(UserFactory)


class BrandFactory(factory.django.DjangoModelFactory):
    class Meta:
        model = Brand

    name_fa = factory.Sequence(lambda n: f"برند {n}")
    name_en = factory.Sequence(lambda n: f"Brand {n}")
    slug = factory.Sequence(lambda n: f"brand-{n}")
    kind = Brand.Kind.PRODUCER
    producer = factory.SubFactory(ProducerFactory)


def category(name_en="Carpets", name_fa="فرش", parent=None):
    """A category node (treebeard needs add_root/add_child rather than a plain create)."""
    fields = {"name_en": name_en, "name_fa": name_fa, "name": name_fa, "is_public": True}
    existing = Category.objects.filter(name_en=name_en).first()
    if existing:
        return existing
    return parent.add_child(**fields) if parent else Category.add_root(**fields)


class ProductFactory(factory.django.DjangoModelFactory):
    """A standalone, public product with a stock record from its producer and one category."""

    class Meta:
        model = Product
        skip_postgeneration_save = True

    title_fa = factory.Sequence(lambda n: f"محصول {n}")
    title_en = factory.Sequence(lambda n: f"Product {n}")
    description_fa = "توضیح"
    description_en = "Description"
    upc = factory.Sequence(lambda n: f"UPC-{n:06d}")
    product_class = factory.SubFactory(ProductClassFactory)
    producer = factory.SubFactory(ProducerFactory)
    structure = Product.STANDALONE
    is_public = True

    @factory.post_generation
    def stock(self, create, extracted, **kwargs):
        if not create or extracted is False:
            return
        StockRecord.objects.create(
            product=self,
            partner=self.producer.partner,
            partner_sku=f"SKU-{self.pk}",
            price=Decimal(kwargs.get("price", "450000")),
            price_currency="IRT",
            num_in_stock=kwargs.get("num_in_stock", 10),
        )

    @factory.post_generation
    def categories(self, create, extracted, **kwargs):
        if not create:
            return
        for node in extracted or [category()]:
            ProductCategory.objects.create(product=self, category=node)

    @factory.post_generation
    def image(self, create, extracted, **kwargs):
        if create and extracted:
            ProductImage.objects.create(
                product=self, original=ContentFile(png_bytes(), name=f"product-{self.pk}.png"), display_order=0
            )

    @factory.post_generation
    def certified(self, create, extracted, **kwargs):
        """Products are certified (listable) unless built with certified=False."""
        if create and extracted is not False:
            certify(self, **kwargs)


def standard_for(product_class, code=None, items=2):
    from quality.models import ChecklistItem, Standard

    standard, created = Standard.objects.get_or_create(
        code=code or f"STD-{product_class.slug}",
        defaults={
            "title_fa": "استاندارد",
            "title_en": "Standard",
            "product_class": product_class,
            "validity_days": 365,
        },
    )
    if created:
        for position in range(items):
            ChecklistItem.objects.create(
                standard=standard,
                text_en=f"Requirement {position + 1}",
                text_fa=f"الزام {position + 1}",
                position=position,
            )
    return standard


def certify(product, valid_from=None, valid_until=None, status="valid", version=None):
    """An approved application and its certificate for the product's current version (no workflow: fast setup)."""
    from datetime import timedelta

    from django.utils import timezone

    from quality.models import Certificate, CertificationApplication

    now = timezone.now()
    standard = standard_for(product.get_product_class())
    application = CertificationApplication.objects.create(
        product=product,
        producer=product.producer,
        standard=standard,
        product_version=product.content_version if version is None else version,
        state=CertificationApplication.State.APPROVED,
        submitted_at=now,
        decided_at=now,
    )
    certificate = Certificate.objects.create(
        number=f"HM-TEST-{application.pk:06d}",
        application=application,
        product=product,
        producer=product.producer,
        standard=standard,
        product_version=application.product_version,
        issued_at=now,
        valid_from=valid_from or now - timedelta(days=1),
        valid_until=valid_until or now + timedelta(days=365),
        status=status,
    )
    product.__dict__.pop("_is_listable_cache", None)
    return certificate


def home_pages():
    """The Persian home page as the site root and its English translation, both published."""
    from wagtail.models import Locale, Page, Site

    from cms.models import HomePage

    existing = HomePage.objects.filter(locale__language_code="fa").first()
    if existing:
        return existing, HomePage.objects.get(translation_key=existing.translation_key, locale__language_code="en")
    root = Page.get_first_root_node()
    persian = root.add_child(instance=HomePage(title="بازار", slug="home-fa"))
    Site.objects.update_or_create(is_default_site=True, defaults={"root_page": persian, "hostname": "localhost"})
    Page.objects.filter(depth=2).exclude(pk=persian.pk).delete()
    english_locale, _ = Locale.objects.get_or_create(language_code="en")
    english = persian.copy_for_translation(english_locale)
    english.title = "Market"
    english.save_revision().publish()
    return persian, english
