from modeltranslation.translator import TranslationOptions, register

from .models import Brand, Course, Producer, Region


@register(Region)
class RegionTranslation(TranslationOptions):
    fields = ("name",)


@register(Producer)
class ProducerTranslation(TranslationOptions):
    fields = ("name", "story")


@register(Brand)
class BrandTranslation(TranslationOptions):
    fields = ("name", "description")


@register(Course)
class CourseTranslation(TranslationOptions):
    fields = ("title", "description")
