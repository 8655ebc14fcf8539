from django.dispatch import receiver

from catalogue.signals import product_materially_changed

from . import workflow


@receiver(product_materially_changed, dispatch_uid="material_edit_goes_back_to_review")
def send_back_to_review(sender, product, **kwargs):
    workflow.resubmit_for_material_edit(product)
