"""A new or replaced main image is a material edit: the certificate covered the old picture."""

from django.db.models.signals import post_delete, post_init, post_save
from django.dispatch import receiver

from .models import ProductImage


def _is_main_image(image):
    first = ProductImage.objects.filter(product_id=image.product_id).order_by("display_order", "pk").first()
    return first is None or first.pk == image.pk or image.display_order <= first.display_order


@receiver(post_init, sender=ProductImage, dispatch_uid="remember_loaded_image_file")
def remember_loaded_file(sender, instance, **kwargs):
    instance._loaded_original = instance.original.name if instance.pk else None


@receiver(post_save, sender=ProductImage, dispatch_uid="main_image_saved_is_material")
def main_image_saved(sender, instance, created, raw=False, **kwargs):
    if raw:
        return
    replaced = created or instance._loaded_original != instance.original.name
    instance._loaded_original = instance.original.name
    if replaced and _is_main_image(instance):
        instance.product.bump_content_version()


@receiver(post_delete, sender=ProductImage, dispatch_uid="main_image_deleted_is_material")
def main_image_deleted(sender, instance, **kwargs):
    remaining = ProductImage.objects.filter(product_id=instance.product_id).order_by("display_order", "pk").first()
    if remaining is None or remaining.display_order >= instance.display_order:
        product_model = type(instance).product.field.related_model
        product = product_model.objects.filter(pk=instance.product_id).first()
        if product is not None:
            product.bump_content_version()
