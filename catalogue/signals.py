from django.dispatch import Signal

# Sent after a product's material content (title, craft, standardized attributes,
# main image) changed and its content_version went up. Argument: product.
product_materially_changed = Signal()
