from oscar.apps.partner import apps


class PartnerConfig(apps.PartnerConfig):
    """Oscar's partner app, forked for its strategy: only listable products can be bought."""

    name = "shop.partner"
