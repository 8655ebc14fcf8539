from modeltranslation.translator import TranslationOptions, register

from .models import ChecklistItem, Standard


@register(Standard)
class StandardTranslation(TranslationOptions):
    fields = ("title",)


@register(ChecklistItem)
class ChecklistItemTranslation(TranslationOptions):
    fields = ("text", "evidence_required")
