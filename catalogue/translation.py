"""Persian and English for what customers read in the catalogue (django-modeltranslation)."""

from modeltranslation.translator import TranslationOptions, register

from .models import Category, Product, ProductAttribute, ProductClass


@register(Product)
class ProductTranslation(TranslationOptions):
    fields = ("title", "description")


@register(Category)
class CategoryTranslation(TranslationOptions):
    fields = ("name", "description")


@register(ProductClass)
class ProductClassTranslation(TranslationOptions):
    fields = ("name",)


@register(ProductAttribute)
class ProductAttributeTranslation(TranslationOptions):
    fields = ("name",)
