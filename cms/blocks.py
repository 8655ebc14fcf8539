from django.utils.translation import gettext_lazy as _
from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock


class HeroBlock(blocks.StructBlock):
    heading = blocks.CharBlock(label=_("Heading"), max_length=120)
    text = blocks.TextBlock(label=_("Text"), required=False)
    image = ImageChooserBlock(label=_("Image"), required=False)
    link_text = blocks.CharBlock(label=_("Button text"), required=False, max_length=60)
    link_url = blocks.CharBlock(label=_("Button link"), required=False, max_length=200)

    class Meta:
        icon = "image"
        label = _("Hero")
        template = "cms/blocks/hero.html"


class HomeBodyBlock(blocks.StreamBlock):
    hero = HeroBlock()
    text = blocks.RichTextBlock(label=_("Text"), features=["h2", "h3", "bold", "italic", "link", "ol", "ul"])
