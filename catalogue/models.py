from decimal import Decimal, InvalidOperation

from django.conf import settings
from django.core.exceptions import ObjectDoesNotExist, ValidationError
from django.db import models
from django.utils.translation import gettext_lazy as _
from oscar.apps.catalogue.abstract_models import AbstractProduct, AbstractProductAttribute
from oscar.apps.catalogue.managers import ProductQuerySet as OscarProductQuerySet

from shop.sanitize import clean_html

from .signals import product_materially_changed


class ProductQuerySet(OscarProductQuerySet):
    """Oscar's product queries, with the quality gate (quality.gate) applied to everything customers see."""

    def listable(self, at=None):
        from quality.gate import listable_condition

        return self.filter(listable_condition(at))

    def with_listability(self, at=None):
        """Annotate `is_listable_now`, so that a list costs no extra query per product."""
        from quality.gate import certificate_in_force

        return self.annotate(_certificate_in_force=certificate_in_force(at))

    def browsable(self):
        return super().browsable().listable()

    def base_queryset(self):
        return super().base_queryset().select_related("producer__region", "brand", "maker").with_listability()


def _plain(number):
    """20.000 → "20", 2.500 → "2.5" (never "2E+1")."""
    return format(number.normalize(), "f")


def _comparable(value):
    """Attribute values as stored: numbers by value, model instances by key."""
    if value is None or value == "":
        return None
    if isinstance(value, models.Model):
        return (type(value).__name__, value.pk)
    if isinstance(value, (int, float, Decimal)) and not isinstance(value, bool):
        return Decimal(str(value))
    if isinstance(value, (list, tuple, set)) or hasattr(value, "all"):
        items = value.all() if hasattr(value, "all") else value
        return frozenset(_comparable(item) for item in items)
    return value


class ProductAttribute(AbstractProductAttribute):
    """A standardized attribute of a craft's template, optionally with an allowed range.

    The range is checked whenever a value is validated, so that the model layer
    refuses what a form might let through.
    """

    min_value = models.DecimalField(_("Minimum value"), max_digits=14, decimal_places=3, null=True, blank=True)
    max_value = models.DecimalField(_("Maximum value"), max_digits=14, decimal_places=3, null=True, blank=True)

    def validate_value(self, value):
        super().validate_value(value)
        if self.type in (self.INTEGER, self.FLOAT) and (self.min_value is not None or self.max_value is not None):
            self._validate_range(value)

    def _validate_range(self, value):
        try:
            number = Decimal(str(value))
        except (InvalidOperation, ValueError):
            return  # the type validator has already refused it
        if self.min_value is not None and number < self.min_value:
            raise ValidationError(
                _("%(name)s must be at least %(min)s.") % {"name": self.name, "min": _plain(self.min_value)}
            )
        if self.max_value is not None and number > self.max_value:
            raise ValidationError(
                _("%(name)s must be at most %(max)s.") % {"name": self.name, "max": _plain(self.max_value)}
            )


class Product(AbstractProduct):
    producer = models.ForeignKey(
        "producers.Producer",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="products",
        verbose_name=_("Producer"),
        help_text=_("Who sells it: the producer whose stock and order lines these are."),
    )
    maker = models.ForeignKey(
        "producers.Producer",
        on_delete=models.PROTECT,
        null=True,
        blank=True,
        related_name="made_products",
        verbose_name=_("Made by"),
        help_text=_("A member of the lead business's network who made it; empty when the seller made it."),
    )
    brand = models.ForeignKey(
        "producers.Brand",
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="products",
        verbose_name=_("Brand"),
    )
    lead_time_days = models.PositiveSmallIntegerField(
        _("Made-to-order lead time (days)"),
        null=True,
        blank=True,
        help_text=_("Leave empty for products kept in stock."),
    )
    objects = ProductQuerySet.as_manager()

    # What a certificate vouches for: a change to any of these is a material edit.
    MATERIAL_FIELDS = ("title_fa", "title_en", "product_class_id")

    content_version = models.PositiveIntegerField(
        _("Content version"),
        default=1,
        editable=False,
        help_text=_("Goes up with every material edit; a certificate covers one version."),
    )

    @property
    def is_made_to_order(self):
        return self.lead_time_days is not None

    @property
    def credited_maker(self):
        """Who made it, as customers should read it."""
        return self.maker or self.producer

    @property
    def is_listable(self):
        """May customers see and buy it right now? (quality.gate; uses the list annotation when present)."""
        if self.is_child:
            return self.parent.is_listable
        if self.pk is None:
            return False
        annotated = getattr(self, "_certificate_in_force", None)
        if annotated is not None:
            return bool(annotated and self.is_public and self.producer_id and self.producer.is_active)
        if not hasattr(self, "_is_listable_cache"):
            self._is_listable_cache = type(self).objects.listable().filter(pk=self.pk).exists()
        return self._is_listable_cache

    @property
    def current_certificate(self):
        """The certificate in force for this version, if any (the quality mark on the product page)."""
        from quality.models import Certificate

        product = self.parent or self
        return (
            Certificate.objects.in_force()
            .filter(product=product, product_version=product.content_version)
            .order_by("-valid_until")
            .first()
        )

    @property
    def sorted_recommended_products(self):
        """Oscar's recommendations, by ranking, through the listing gate."""
        return list(
            type(self)
            .objects.browsable()
            .base_queryset()
            .filter(productrecommendation__primary=self)
            .order_by("productrecommendation__ranking")
        )

    @classmethod
    def from_db(cls, db, field_names, values):
        instance = super().from_db(db, field_names, values)
        instance._loaded_material = instance._material_snapshot()
        return instance

    def _material_snapshot(self):
        """The material fields as loaded (None when some were deferred: then the database is asked)."""
        if not all(name in self.__dict__ for name in self.MATERIAL_FIELDS):
            return None
        return tuple(self.__dict__[name] for name in self.MATERIAL_FIELDS)

    def save(self, *args, **kwargs):
        # Producer-written HTML is sanitized here, the one place every form and script saves through.
        for name in ("description", *(f"description_{code}" for code, _name in settings.LANGUAGES)):
            if name in self.__dict__:
                self.__dict__[name] = clean_html(self.__dict__[name])
        self.validate_attribute_values()
        changed = self.pk is not None and self._has_material_changes()
        if changed:
            self.content_version += 1
        super().save(*args, **kwargs)
        self._loaded_material = self._material_snapshot()
        self.__dict__.pop("_is_listable_cache", None)
        if changed:
            product_materially_changed.send(sender=type(self), product=self)

    def _has_material_changes(self):
        loaded = getattr(self, "_loaded_material", None)
        if loaded is None:
            loaded = type(self).objects.filter(pk=self.pk).values_list(*self.MATERIAL_FIELDS).first()
        if loaded is not None and tuple(loaded) != self._material_snapshot():
            return True
        return self._attribute_values_changed()

    def _attribute_values_changed(self):
        """Did any attribute value actually change? (Oscar re-saves every value a form sets.)"""
        container = self.attr
        if not container._dirty:
            return False
        for attribute in container.get_all_attributes():
            if attribute.code not in container._dirty:
                continue
            new = getattr(container, attribute.code, None)
            try:
                stored = container.get_value_by_attribute(attribute)
            except ObjectDoesNotExist:
                stored = None
            old = stored.value if stored is not None else None
            if _comparable(old) != _comparable(new):
                return True
        return False

    def bump_content_version(self):
        """Record a material edit made outside `save()` (e.g. a new main image)."""
        type(self).objects.filter(pk=self.pk).update(content_version=models.F("content_version") + 1)
        self.refresh_from_db(fields=["content_version"])
        self.__dict__.pop("_is_listable_cache", None)
        product_materially_changed.send(sender=type(self), product=self)

    def validate_attribute_values(self):
        """Refuse attribute values outside their type or allowed range, whatever the caller."""
        if not self.product_class_id and not self.parent_id:
            return
        errors = {}
        for attribute in self.attr.get_all_attributes():
            value = getattr(self.attr, attribute.code, None)
            if value is None:
                continue
            try:
                attribute.validate_value(value)
            except ValidationError as error:
                errors[attribute.code] = error.messages
        if errors:
            raise ValidationError(errors)


from oscar.apps.catalogue.models import *  # noqa: E402,F403  (Oscar's fork mechanism)
