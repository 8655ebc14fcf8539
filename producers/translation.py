from modeltranslation.translator import TranslationOptions, register

from .models import Brand, Producer, Region


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(Producer)
class ProducerTranslation(TranslationOptions):
    fields = ("name", "story")


@register(Brand)
class BrandTranslation(TranslationOptions):
    fields = ("name", "description")
