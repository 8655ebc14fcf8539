"""The access matrix (issue #10): every URL pattern of the project × every role, with the expected answer.

The patterns come from the resolver (tests/security/access_urls.py), so a new view without a rule
here fails `test_every_pattern_has_a_rule`, naming it. The users and the objects the URLs point
at are built once for the module (tests/security/access_world.py): a *producer* owning every
producer-side object, an *other producer* looking at them, a customer owning the order, address,
wish list and commitment, a quality officer, programme staff, a Wagtail editor and a superuser.

Our apps and Oscar's storefront and dashboard have one rule per pattern in `MATRIX`. The two
framework admins follow one gate each, written as a function of the pattern (`admin_answer`,
`wagtail_answer`) with the exceptions spelled out: django-admin (is_staff, then model
permissions: programme staff may only read orders and products) and Wagtail's admin
(`wagtailadmin.access_admin`, then Wagtail's own permission policies: editors write pages,
images and documents, never users, groups, sites, locales, workflows, collections or redirects).

On a framework admin's pattern the customer stands for every role its gate refuses (the front
doors django-admin/ and cms/ are requested as every role), and the URL points at an object that does
not exist unless access_world.py builds one: what is checked there is the gate and the permission
in front of the view. A django-admin page that is neither a model's nor in `MATRIX` fails
`test_every_pattern_has_a_rule` too.

Requests are GETs in Persian (one language is enough for the gate; `test_english_prefix_has_the_same_gates`
spot-checks /en/). `test_refused_roles_cannot_post_either` POSTs to the state-changing views of our
own apps as every role refused on GET (and as the roles that may only read) and checks that
nothing changed.
"""

import re

import pytest
from django.conf import settings
from django.db import transaction
from django.test import Client

from tests.security.access_urls import (
    ADMIN_APP_INDEX,
    BAD_REQUEST,
    FORBIDDEN,
    LOGIN,
    NOT_ALLOWED,
    NOT_FOUND,
    OK,
    REDIRECT,
    build_url,
    outcome,
    path_for,
    project_routes,
)
from tests.security.access_world import (
    ANONYMOUS,
    CUSTOMER,
    EDITOR,
    OFFICER,
    OTHER_PRODUCER,
    PRODUCER,
    ROLES,
    STAFF,
    SUPERUSER,
    build_world,
    isolated_media,
    url_kwargs,
)

SERVER_ERROR = "500"
ADMIN_HOME = "sent back to the Wagtail dashboard"  # Wagtail's answer to a permission it does not grant

SHORT = {"A": ANONYMOUS, "C": CUSTOMER, "P": PRODUCER, "O": OTHER_PRODUCER, "Q": OFFICER, "S": STAFF, "E": EDITOR}
SHORT["U"] = SUPERUSER


def answers(default, **by_role):
    """Every role gets `default` except those named by their letter: A anonymous, C customer,
    P producer (owner), O other producer, Q quality officer, S programme staff, E editor, U superuser."""
    unknown = set(by_role) - set(SHORT)
    assert not unknown, unknown
    return {role: by_role.get(letter, default) for letter, role in SHORT.items()}


def everyone(answer):
    return answers(answer)


PUBLIC = everyone(OK)
SIGNED_IN = answers(OK, A=LOGIN)
OFFICERS = answers(FORBIDDEN, A=LOGIN, Q=OK)
PROGRAMME_STAFF = answers(FORBIDDEN, A=LOGIN, S=OK, U=OK)
PRODUCERS = answers(FORBIDDEN, A=LOGIN, P=OK, O=OK)
OWNING_PRODUCER = answers(FORBIDDEN, A=LOGIN, P=OK, O=NOT_FOUND)
OWNING_CUSTOMER = answers(NOT_FOUND, A=LOGIN, C=OK)
# Oscar's dashboard pages programme staff hold no permission for: only the superuser passes.
SUPERUSER_ONLY = answers(FORBIDDEN, A=LOGIN, U=OK)
# The same, on a pattern whose object the world does not build: the superuser meets the view's 404.
SUPERUSER_ONLY_MISSING = answers(FORBIDDEN, A=LOGIN, U=NOT_FOUND)
# The dashboard's front doors: producers (their portal) and programme staff.
DASHBOARD = answers(OK, A=LOGIN, C=FORBIDDEN, Q=FORBIDDEN, E=FORBIDDEN)

MATRIX = {
    # --- outside the language prefix -------------------------------------------------------------
    "healthz/": PUBLIC,
    "sitemap.xml": PUBLIC,
    "i18n/setlang/": everyone(REDIRECT),
    "payments/stripe/webhook/": everyone(NOT_ALLOWED),  # POST only, signature-verified (tests/payments)
    r"^media/(?P<path>.*)$": everyone(NOT_FOUND),
    r"documents/^(\d+)/(.*)$": everyone(NOT_FOUND),
    "documents/authenticate_with_password/<int:restriction_id>/": everyone(NOT_FOUND),
    # --- producers: directory, apply, shop pages -------------------------------------------------
    "<lang>/jsi18n/": PUBLIC,
    "<lang>/producers/": PUBLIC,
    "<lang>/producers/apply/": SIGNED_IN,
    "<lang>/producers/<str:slug>/": PUBLIC,
    # --- pre-order campaigns ---------------------------------------------------------------------
    "<lang>/campaigns/": PUBLIC,
    "<lang>/campaigns/mine/": SIGNED_IN,
    "<lang>/campaigns/commitments/<int:pk>/cancel/": answers(NOT_ALLOWED, A=LOGIN),  # POST only
    "<lang>/campaigns/<int:pk>/": PUBLIC,
    "<lang>/campaigns/<int:pk>/commit/": SIGNED_IN,
    "<lang>/campaigns/card/setup/": answers(NOT_ALLOWED, A=FORBIDDEN),  # POST only (JSON)
    # The commitment is cash on delivery, not a failed card payment: nobody has a pay-now page.
    "<lang>/campaigns/card/commitments/<int:pk>/pay/": answers(NOT_FOUND, A=LOGIN),
    "<lang>/campaigns/card/commitments/<int:pk>/pay/intent/": answers(NOT_ALLOWED, A=FORBIDDEN),
    "<lang>/campaigns/card/commitments/<int:pk>/pay/complete/": answers(NOT_ALLOWED, A=LOGIN),
    # --- quality: officers' area, producers' area, evidence, public verification -----------------
    "<lang>/quality/": OFFICERS,
    "<lang>/quality/applications/<int:pk>/": OFFICERS,
    "<lang>/quality/standards/": OFFICERS,
    "<lang>/quality/standards/new/": OFFICERS,
    "<lang>/quality/standards/<int:pk>/": OFFICERS,
    "<lang>/quality/certificates/": OFFICERS,
    "<lang>/quality/certificates/<int:pk>/": OFFICERS,
    "<lang>/quality/my/": PRODUCERS,
    "<lang>/quality/my/apply/": PRODUCERS,
    "<lang>/quality/my/applications/<int:pk>/": OWNING_PRODUCER,
    "<lang>/quality/my/certificates/<int:pk>/renew/": answers(FORBIDDEN, A=LOGIN, P=NOT_ALLOWED, O=NOT_ALLOWED),
    # Evidence is private: its producer and officers; to anyone else it does not exist.
    "<lang>/quality/evidence/<int:pk>/": answers(NOT_FOUND, P=OK, Q=OK),
    "<lang>/certificates/<str:number>/": PUBLIC,
    "<lang>/certificates/<str:number>/qr.svg": PUBLIC,
    "<lang>/certificates/<str:number>/label/": PUBLIC,
    # --- Oscar's storefront ----------------------------------------------------------------------
    r"<lang>/catalogue/^(?P<product_slug>[\w-]*)_(?P<product_pk>\d+)/reviews/<int:pk>/": everyone(NOT_FOUND),
    r"<lang>/catalogue/^(?P<product_slug>[\w-]*)_(?P<product_pk>\d+)/reviews/add/": answers(OK, A=REDIRECT),
    r"<lang>/catalogue/^(?P<product_slug>[\w-]*)_(?P<product_pk>\d+)/reviews/<int:pk>/vote/": answers(
        NOT_ALLOWED, A=LOGIN
    ),
    r"<lang>/catalogue/^(?P<product_slug>[\w-]*)_(?P<product_pk>\d+)/reviews/": PUBLIC,
    "<lang>/catalogue/": PUBLIC,
    r"<lang>/catalogue/^(?P<product_slug>[\w-]*)_(?P<pk>\d+)/$": PUBLIC,
    r"<lang>/catalogue/^category/(?P<category_slug>[\w-]+(/[\w-]+)*)_(?P<pk>\d+)/$": PUBLIC,
    r"<lang>/catalogue/^ranges/(?P<slug>[\w-]+)/$": everyone(NOT_FOUND),
    "<lang>/basket/": PUBLIC,
    "<lang>/basket/add/<int:pk>/": everyone(NOT_ALLOWED),
    "<lang>/basket/vouchers/add/": everyone(REDIRECT),
    "<lang>/basket/vouchers/<int:pk>/remove/": everyone(NOT_ALLOWED),
    "<lang>/basket/saved/": answers(REDIRECT, A=LOGIN),
    # With an empty basket every checkout step sends the visitor back to the basket.
    "<lang>/checkout/": everyone(REDIRECT),
    "<lang>/checkout/shipping-address/": everyone(REDIRECT),
    "<lang>/checkout/user-address/edit/<int:pk>/": OWNING_CUSTOMER,
    "<lang>/checkout/user-address/delete/<int:pk>/": OWNING_CUSTOMER,
    "<lang>/checkout/shipping-method/": everyone(REDIRECT),
    "<lang>/checkout/payment-method/": everyone(REDIRECT),
    "<lang>/checkout/payment-details/": everyone(REDIRECT),
    "<lang>/checkout/preview/": everyone(REDIRECT),
    "<lang>/checkout/thank-you/": everyone(REDIRECT),
    "<lang>/checkout/card/pay/": everyone(NOT_FOUND),  # no card payment is waiting in this session
    "<lang>/checkout/card/complete/": everyone(NOT_FOUND),
    "<lang>/accounts/login/": answers(REDIRECT, A=OK),
    "<lang>/accounts/logout/": everyone(REDIRECT),
    "<lang>/accounts/register/": answers(REDIRECT, A=OK),
    "<lang>/accounts/": answers(REDIRECT, A=LOGIN),
    "<lang>/accounts/change-password/": SIGNED_IN,
    "<lang>/accounts/profile/": SIGNED_IN,
    "<lang>/accounts/profile/edit/": SIGNED_IN,
    "<lang>/accounts/profile/delete/": SIGNED_IN,
    "<lang>/accounts/orders/": SIGNED_IN,
    r"<lang>/accounts/^order-status-form/(?P<order_number>[\w-]*)/(?P<hash>[A-z0-9-_=:]+)/$": PUBLIC,
    # A wrong hash: the order's status is not shown, the visitor is sent on.
    r"<lang>/accounts/^order-status/(?P<order_number>[\w-]*)/(?P<hash>[A-z0-9-_=:]+)/$": everyone(REDIRECT),
    "<lang>/accounts/orders/<str:order_number>/": OWNING_CUSTOMER,
    # A line has no page of its own (POST re-orders it): its owner is taken to the order (shop.accounts).
    "<lang>/accounts/orders/<str:order_number>/<int:line_id>/": answers(NOT_FOUND, A=LOGIN, C=REDIRECT),
    "<lang>/accounts/addresses/": SIGNED_IN,
    "<lang>/accounts/addresses/add/": SIGNED_IN,
    "<lang>/accounts/addresses/<int:pk>/": OWNING_CUSTOMER,
    "<lang>/accounts/addresses/<int:pk>/delete/": OWNING_CUSTOMER,
    r"<lang>/accounts/^addresses/(?P<pk>\d+)/(?P<action>default_for_(billing|shipping))/$": answers(
        NOT_FOUND, A=LOGIN, C=REDIRECT
    ),
    "<lang>/accounts/emails/": SIGNED_IN,
    "<lang>/accounts/emails/<int:email_id>/": answers(NOT_FOUND, A=LOGIN),
    "<lang>/accounts/notifications/": everyone(REDIRECT),
    "<lang>/accounts/notifications/inbox/": SIGNED_IN,
    "<lang>/accounts/notifications/archive/": SIGNED_IN,
    "<lang>/accounts/notifications/update/": answers(NOT_ALLOWED, A=LOGIN),
    "<lang>/accounts/notifications/<int:pk>/": answers(NOT_FOUND, A=LOGIN),
    "<lang>/accounts/alerts/": SIGNED_IN,
    "<lang>/accounts/alerts/create/<int:pk>/": everyone(REDIRECT),
    "<lang>/accounts/alerts/confirm/<str:key>/": everyone(NOT_FOUND),
    "<lang>/accounts/alerts/cancel/key/<str:key>/": everyone(NOT_FOUND),
    "<lang>/accounts/alerts/cancel/<int:pk>/": answers(NOT_FOUND, A=LOGIN),
    "<lang>/accounts/wishlists/": SIGNED_IN,
    "<lang>/accounts/wishlists/add/<int:product_pk>/": answers(REDIRECT, A=LOGIN),
    "<lang>/accounts/wishlists/<str:key>/add/<int:product_pk>/": answers(NOT_FOUND, A=LOGIN, C=REDIRECT),
    "<lang>/accounts/wishlists/create/": SIGNED_IN,
    "<lang>/accounts/wishlists/create/with-product/<int:product_pk>/": SIGNED_IN,
    "<lang>/accounts/wishlists/<str:key>/": answers(NOT_FOUND, C=OK),
    "<lang>/accounts/wishlists/<str:key>/update/": OWNING_CUSTOMER,
    "<lang>/accounts/wishlists/<str:key>/delete/": OWNING_CUSTOMER,
    "<lang>/accounts/wishlists/<str:key>/lines/<int:line_pk>/delete/": OWNING_CUSTOMER,
    "<lang>/accounts/wishlists/<str:key>/products/<int:product_pk>/delete/": OWNING_CUSTOMER,
    "<lang>/accounts/wishlists/<str:key>/lines/<int:line_pk>/move-to/<str:to_key>/": answers(
        NOT_FOUND, A=LOGIN, C=REDIRECT
    ),
    "<lang>/wishlists/<str:key>/": answers(FORBIDDEN, C=OK),  # a private wish list: its owner only
    "<lang>/search/": PUBLIC,
    "<lang>/search/suggest/": PUBLIC,
    "<lang>/offers/": PUBLIC,
    r"<lang>/offers/^(?P<slug>[\w-]+)/$": everyone(NOT_FOUND),
    # Password reset is for visitors who are signed out.
    "<lang>/password-reset/": answers(FORBIDDEN, A=OK),
    "<lang>/password-reset/done/": answers(FORBIDDEN, A=OK),
    "<lang>/password-reset/confirm/<str:uidb64>/<str:token>/": answers(FORBIDDEN, A=OK),
    "<lang>/password-reset/complete/": answers(FORBIDDEN, A=OK),
    # --- Wagtail's public side -------------------------------------------------------------------
    "<lang>/": PUBLIC,
    "<lang>/_util/authenticate_with_password/<int:page_view_restriction_id>/<int:page_id>/": everyone(NOT_FOUND),
    "<lang>/_util/login/": PUBLIC,
    r"<lang>/^((?:[\w\-]+/)*)$": PUBLIC,
    # --- the dashboard: Oscar's, forked for producers; programme staff read orders and products ---
    "<lang>/dashboard/": DASHBOARD,
    "<lang>/dashboard/login/": PUBLIC,
    "<lang>/dashboard/logout/": everyone(NOT_ALLOWED),
    "<lang>/dashboard/catalogue/": DASHBOARD,
    "<lang>/dashboard/catalogue/products/bulk-action/": answers(FORBIDDEN, A=LOGIN, U=REDIRECT),
    # Programme staff see the product list but not Oscar's edit form (it needs add and change).
    "<lang>/dashboard/catalogue/products/<int:pk>/": answers(FORBIDDEN, A=LOGIN, P=OK, O=NOT_FOUND, U=OK),
    "<lang>/dashboard/catalogue/products/<int:pk>/delete/": answers(FORBIDDEN, A=LOGIN, P=OK, O=NOT_FOUND, U=OK),
    # Without a craft chosen, the create page sends producers and the superuser to choose one.
    "<lang>/dashboard/catalogue/products/create/": answers(FORBIDDEN, A=LOGIN, P=REDIRECT, O=REDIRECT, U=REDIRECT),
    r"<lang>/dashboard/catalogue/^products/create/(?P<product_class_slug>[\w-]+)/$": answers(
        FORBIDDEN, A=LOGIN, P=OK, O=OK, U=OK
    ),
    "<lang>/dashboard/catalogue/products/<int:parent_pk>/create-variant/": answers(FORBIDDEN, A=LOGIN, U=REDIRECT),
    "<lang>/dashboard/catalogue/stock-alerts/": SUPERUSER_ONLY,
    "<lang>/dashboard/catalogue/product-lookup/": PROGRAMME_STAFF,
    "<lang>/dashboard/catalogue/categories/": SUPERUSER_ONLY,
    "<lang>/dashboard/catalogue/categories/<int:pk>/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/catalogue/categories/create/": SUPERUSER_ONLY,
    "<lang>/dashboard/catalogue/categories/create/<int:parent>/": SUPERUSER_ONLY,
    "<lang>/dashboard/catalogue/categories/<int:pk>/update/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/catalogue/categories/<int:pk>/delete/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/catalogue/product-type/create/": SUPERUSER_ONLY,
    "<lang>/dashboard/catalogue/product-types/": SUPERUSER_ONLY,
    "<lang>/dashboard/catalogue/product-type/<int:pk>/update/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/catalogue/product-type/<int:pk>/delete/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/catalogue/attribute-option-group/create/": SUPERUSER_ONLY,
    "<lang>/dashboard/catalogue/attribute-option-group/": SUPERUSER_ONLY,
    "<lang>/dashboard/catalogue/attribute-option-group/<str:pk>/update/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/catalogue/attribute-option-group/<str:pk>/delete/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/catalogue/option/": SUPERUSER_ONLY,
    "<lang>/dashboard/catalogue/option/create/": SUPERUSER_ONLY,
    "<lang>/dashboard/catalogue/option/<str:pk>/update/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/catalogue/option/<str:pk>/delete/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/reports/": SUPERUSER_ONLY,
    "<lang>/dashboard/orders/": DASHBOARD,
    "<lang>/dashboard/orders/statistics/": PROGRAMME_STAFF,
    "<lang>/dashboard/orders/<str:number>/": answers(FORBIDDEN, A=LOGIN, P=OK, O=NOT_FOUND, S=OK, U=OK),
    "<lang>/dashboard/orders/<str:number>/lines/<int:line_id>/": answers(
        FORBIDDEN, A=LOGIN, P=OK, O=NOT_FOUND, S=OK, U=OK
    ),
    "<lang>/dashboard/orders/<str:number>/notes/<int:note_id>/": SUPERUSER_ONLY,
    "<lang>/dashboard/orders/<str:number>/shipping-address/": SUPERUSER_ONLY,
    "<lang>/dashboard/users/": SUPERUSER_ONLY,
    r"<lang>/dashboard/users/^(?P<pk>-?\d+)/$": SUPERUSER_ONLY_MISSING,
    r"<lang>/dashboard/users/^(?P<pk>-?\d+)/password-reset/$": answers(FORBIDDEN, A=LOGIN, U=NOT_ALLOWED),
    "<lang>/dashboard/users/alerts/": SUPERUSER_ONLY,
    r"<lang>/dashboard/users/^alerts/(?P<pk>-?\d+)/delete/$": SUPERUSER_ONLY_MISSING,
    r"<lang>/dashboard/users/^alerts/(?P<pk>-?\d+)/update/$": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/pages/": SUPERUSER_ONLY,
    "<lang>/dashboard/pages/create/": SUPERUSER_ONLY,
    "<lang>/dashboard/pages/update/<str:pk>/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/pages/delete/<str:pk>/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/partners/": SUPERUSER_ONLY,
    "<lang>/dashboard/partners/create/": SUPERUSER_ONLY,
    "<lang>/dashboard/partners/<int:pk>/": SUPERUSER_ONLY,
    "<lang>/dashboard/partners/<int:pk>/delete/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/partners/<int:partner_pk>/users/add/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/partners/<int:partner_pk>/users/select/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/partners/<int:partner_pk>/users/<int:user_pk>/link/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/partners/<int:partner_pk>/users/<int:user_pk>/unlink/": answers(
        FORBIDDEN, A=LOGIN, U=NOT_ALLOWED
    ),
    "<lang>/dashboard/partners/<int:partner_pk>/users/<int:user_pk>/update/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/offers/": SUPERUSER_ONLY,
    "<lang>/dashboard/offers/new/metadata/": SUPERUSER_ONLY,
    "<lang>/dashboard/offers/new/condition/": answers(FORBIDDEN, A=LOGIN, U=REDIRECT),
    "<lang>/dashboard/offers/new/incentive/": answers(FORBIDDEN, A=LOGIN, U=REDIRECT),
    "<lang>/dashboard/offers/new/restrictions/": answers(FORBIDDEN, A=LOGIN, U=REDIRECT),
    "<lang>/dashboard/offers/<int:pk>/metadata/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/offers/<int:pk>/condition/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/offers/<int:pk>/incentive/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/offers/<int:pk>/restrictions/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/offers/<int:pk>/delete/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/offers/<int:pk>/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/ranges/": SUPERUSER_ONLY,
    "<lang>/dashboard/ranges/create/": SUPERUSER_ONLY,
    "<lang>/dashboard/ranges/<int:pk>/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/ranges/<int:pk>/delete/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/ranges/<int:pk>/products/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/ranges/<int:pk>/reorder/": answers(FORBIDDEN, A=LOGIN, U=NOT_ALLOWED),
    "<lang>/dashboard/reviews/": SUPERUSER_ONLY,
    "<lang>/dashboard/reviews/<int:pk>/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/reviews/<int:pk>/delete/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/vouchers/": SUPERUSER_ONLY,
    "<lang>/dashboard/vouchers/create/": SUPERUSER_ONLY,
    "<lang>/dashboard/vouchers/update/<int:pk>/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/vouchers/delete/<int:pk>/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/vouchers/stats/<int:pk>/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/vouchers/sets/": SUPERUSER_ONLY,
    "<lang>/dashboard/vouchers/sets/create/": SUPERUSER_ONLY,
    "<lang>/dashboard/vouchers/sets/update/<int:pk>/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/vouchers/sets/detail/<int:pk>/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/vouchers/sets/download/<int:pk>/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/vouchers/sets/delete/<int:pk>/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/comms/": SUPERUSER_ONLY,
    r"<lang>/dashboard/comms/^(?P<slug>[\w-]+)/$": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/shipping/weight-based/": SUPERUSER_ONLY,
    "<lang>/dashboard/shipping/weight-based/create/": SUPERUSER_ONLY,
    "<lang>/dashboard/shipping/weight-based/<int:pk>/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/shipping/weight-based/<int:pk>/edit/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/shipping/weight-based/<int:pk>/delete/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/shipping/weight-based/<int:method_pk>/bands/<int:pk>/": SUPERUSER_ONLY_MISSING,
    "<lang>/dashboard/shipping/weight-based/<int:method_pk>/bands/<int:pk>/delete/": SUPERUSER_ONLY_MISSING,
    # --- monitoring, screening and training: programme staff -------------------------------------
    "<lang>/dashboard/producers/monitoring/": PROGRAMME_STAFF,
    "<lang>/dashboard/producers/monitoring/list/": PROGRAMME_STAFF,
    "<lang>/dashboard/producers/monitoring/charts/": PROGRAMME_STAFF,
    "<lang>/dashboard/producers/monitoring/quotas/": PROGRAMME_STAFF,
    "<lang>/dashboard/producers/monitoring/networks/": PROGRAMME_STAFF,
    "<lang>/dashboard/producers/monitoring/readiness/": PROGRAMME_STAFF,
    "<lang>/dashboard/producers/monitoring/rules/": PROGRAMME_STAFF,
    "<lang>/dashboard/producers/monitoring/rules/new/": PROGRAMME_STAFF,
    "<lang>/dashboard/producers/monitoring/rules/<int:year>/": PROGRAMME_STAFF,
    "<lang>/dashboard/producers/applications/": PROGRAMME_STAFF,
    "<lang>/dashboard/producers/applications/<int:pk>/": PROGRAMME_STAFF,
    "<lang>/dashboard/producers/courses/": PROGRAMME_STAFF,
    "<lang>/dashboard/producers/courses/create/": PROGRAMME_STAFF,
    "<lang>/dashboard/producers/courses/<int:pk>/": PROGRAMME_STAFF,
    "<lang>/dashboard/producers/training/": PROGRAMME_STAFF,
    "<lang>/dashboard/producers/training/enrol/": PROGRAMME_STAFF,
    "<lang>/dashboard/producers/training/<int:pk>/complete/": answers(FORBIDDEN, A=LOGIN, S=NOT_ALLOWED, U=NOT_ALLOWED),
    # --- the producer portal ---------------------------------------------------------------------
    "<lang>/dashboard/producers/portal/profile/": PRODUCERS,
    "<lang>/dashboard/producers/portal/brands/": PRODUCERS,
    "<lang>/dashboard/producers/portal/brands/create/": PRODUCERS,
    "<lang>/dashboard/producers/portal/brands/<int:pk>/": OWNING_PRODUCER,
    "<lang>/dashboard/producers/portal/stock/": PRODUCERS,
    "<lang>/dashboard/producers/portal/stock/<int:pk>/": OWNING_PRODUCER,
    "<lang>/dashboard/producers/portal/training/": PRODUCERS,
    "<lang>/dashboard/producers/portal/statement/": PRODUCERS,
    "<lang>/dashboard/producers/portal/network/": PRODUCERS,
    "<lang>/dashboard/producers/portal/network/invite/": answers(FORBIDDEN, A=LOGIN, P=NOT_ALLOWED, O=NOT_ALLOWED),
    "<lang>/dashboard/producers/portal/network/invitations/<int:pk>/<str:answer>/": answers(
        FORBIDDEN, A=LOGIN, P=NOT_ALLOWED, O=NOT_ALLOWED
    ),
    # --- campaigns in the dashboard: staff review, producers propose ------------------------------
    "<lang>/dashboard/campaigns/": PROGRAMME_STAFF,
    "<lang>/dashboard/campaigns/<int:pk>/": PROGRAMME_STAFF,
    "<lang>/dashboard/campaigns/mine/": PRODUCERS,
    "<lang>/dashboard/campaigns/mine/propose/": PRODUCERS,
    "<lang>/dashboard/campaigns/mine/<int:pk>/": OWNING_PRODUCER,
    # --- django-admin pages that are not a model's (models follow `admin_answer`) -----------------
    "django-admin/": answers(LOGIN, S=OK, U=OK),
    "django-admin/login/": answers(OK, S=REDIRECT, U=REDIRECT),
    "django-admin/logout/": answers(REDIRECT, S=NOT_ALLOWED, U=NOT_ALLOWED),
    "django-admin/password_change/": answers(LOGIN, S=OK, U=OK),
    "django-admin/password_change/done/": answers(LOGIN, S=OK, U=OK),
    "django-admin/autocomplete/": answers(LOGIN, S=FORBIDDEN, U=FORBIDDEN),  # needs a field to complete
    "django-admin/jsi18n/": answers(LOGIN, S=OK, U=OK),
    "django-admin/r/<path:content_type_id>/<path:object_id>/": answers(LOGIN, S=NOT_FOUND, U=NOT_FOUND),
    ADMIN_APP_INDEX: answers(LOGIN, S=NOT_FOUND, U=OK),  # the producers app: nothing staff may see there
    "django-admin/(?P<url>.*)$": answers(LOGIN, S=NOT_FOUND, U=NOT_FOUND),
    "django-admin/auth/user/<id>/password/": answers(LOGIN, S=FORBIDDEN, U=NOT_FOUND),
    "django-admin/catalogue/category/move/": answers(LOGIN, S=BAD_REQUEST, U=BAD_REQUEST),
    "django-admin/catalogue/category/jsi18n/": PUBLIC,  # treebeard's translations for its drag and drop
    # Merging tags writes: only who may change tags (shop/admin.py; taggit's own view checked nothing).
    "django-admin/taggit/tag/merge-tags/": answers(LOGIN, S=FORBIDDEN, U=OK),
    # --- Wagtail admin: its front door, and pages every visitor reaches or that answer their own way
    "cms/": answers(LOGIN, E=OK, U=OK),
    "cms/login/": answers(OK, E=ADMIN_HOME, U=ADMIN_HOME),
    "cms/password_reset/": PUBLIC,
    "cms/password_reset/done/": PUBLIC,
    "cms/password_reset/confirm/<uidb64>/<token>/": PUBLIC,
    "cms/password_reset/complete/": PUBLIC,
    "cms/jsi18n/": PUBLIC,
    "cms/sprite/": PUBLIC,
    "cms/failwhale/": answers(LOGIN, E=SERVER_ERROR, U=SERVER_ERROR),  # Wagtail's deliberate error page
}

# Our catalogue choosers in Wagtail (cms/choosers.py): editors pick products, producers, brands and
# provinces; nobody creates one there (editors lack the add permission; the viewsets define no form).
EDITORS = answers(LOGIN, E=OK, U=OK)
for _kind in ("product", "producer", "brand", "region"):
    MATRIX.update(
        {
            f"cms/choose/{_kind}/": EDITORS,
            f"cms/choose/{_kind}/results/": EDITORS,
            f"cms/choose/{_kind}/chosen/<str:pk>/": EDITORS,
            f"cms/choose/{_kind}/chosen-multiple/": EDITORS,
            f"cms/choose/{_kind}/create/": answers(LOGIN, E=ADMIN_HOME, U=OK),
        }
    )

# django-admin: models programme staff may read (roles.GROUP_PERMISSIONS), and the append-only
# trails nobody adds to or deletes from, not even a superuser (tests/security/test_audit_trails.py).
STAFF_READS = {"order_order", "catalogue_product"}
APPEND_ONLY = {
    "producers_application",
    "producers_applicationevent",
    "quality_certificationapplication",
    "quality_certificate",
    "quality_auditentry",
    "order_paymentevent",
}
ADMIN_MODEL_URL = re.compile(r"^admin:(?P<model>[a-z]+_[a-z]+)_(?P<view>changelist|add|history|delete|change)$")

# Wagtail areas editors may not use: Wagtail sends them back to its dashboard.
EDITOR_DENIED = re.compile(
    r"^cms/(collections/|workflows/(list|add|edit|tasks/(select_type|index))|reports/locked|redirects/|snippets/"
    r"|sites/|users/|groups/|locales/|forms/submissions/<int:page_id>/delete/)"
)


def admin_answer(route, role):
    """django-admin: the site's gate (is_staff), then Django's model permissions. Object pages are
    requested for an object that does not exist: a role let through is sent back to the index."""
    if route.key in MATRIX:
        return MATRIX[route.key][role]
    if role not in (STAFF, SUPERUSER):
        return LOGIN
    if route.name is None:  # ".../<object_id>/": Django's redirect to the change page
        return REDIRECT
    match = ADMIN_MODEL_URL.match(route.name)
    assert match, f"a django-admin page with no rule: {route.key} ({route.name})"
    model, view = match["model"], match["view"]
    if view == "history":
        return REDIRECT  # the missing object is found missing before any permission is asked
    if role == SUPERUSER:
        if model in APPEND_ONLY and view in ("add", "delete"):
            return FORBIDDEN
        return OK if view in ("changelist", "add") else REDIRECT
    reads = model in STAFF_READS
    if view == "changelist":
        return OK if reads else FORBIDDEN
    if view == "change":
        return REDIRECT if reads else FORBIDDEN
    return FORBIDDEN


def wagtail_answer(route, role):
    """Wagtail's admin: signed-in users with `wagtailadmin.access_admin` (editors, superusers) pass;
    everyone else is sent to Wagtail's sign-in page (programme staff included: is_staff is not enough)."""
    if route.key in MATRIX:
        return MATRIX[route.key][role]
    if role not in (EDITOR, SUPERUSER):
        return LOGIN
    if role == EDITOR and EDITOR_DENIED.match(route.key):
        # Wagtail sends the editor back to its dashboard, or (object views that look the object up
        # among those the user may manage) answers 404.
        return {ADMIN_HOME, NOT_FOUND}
    return None  # let through; what the page then does is Wagtail's own (not asserted)


FAMILIES = {"django-admin": admin_answer, "cms": wagtail_answer}

# Patterns whose GET is not requested at all (kept as small as possible; each says why).
NOT_EXERCISED = set()
# Patterns present only under some settings: /media/ exists when SERVE_MEDIA is on (as in the tests).
OPTIONAL = {r"^media/(?P<path>.*)$"}


NO_RULE = "no rule in MATRIX"  # test_every_pattern_has_a_rule names the pattern


def expected(route, role):
    family = FAMILIES.get(route.prefix)
    if family:
        return family(route, role)
    return MATRIX[route.key][role] if route.key in MATRIX else NO_RULE


@pytest.fixture(scope="module")
def world(django_db_setup, django_db_blocker, tmp_path_factory):
    with isolated_media(tmp_path_factory), django_db_blocker.unblock(), transaction.atomic():
        built = build_world()
        # One signed-in session per role for the module (each test's changes to it are rolled back).
        built["sessions"] = {}
        for role, user in built["users"].items():
            client = Client()
            client.force_login(user)
            built["sessions"][role] = client.cookies[settings.SESSION_COOKIE_NAME].value
        yield built
        transaction.set_rollback(True)


def client_as(role, world):
    client = Client(raise_request_exception=False)
    if role != ANONYMOUS:
        client.cookies[settings.SESSION_COOKIE_NAME] = world["sessions"][role]
    return client


def url_of(route, world, language=None):
    path = path_for(route)
    if route.key == r"<lang>/^((?:[\w\-]+/)*)$":
        path = world["article"].url.replace("/fa/", "/<lang>/", 1)
    return build_url(route, url_kwargs(route, world), path, language)


def answer_of(response):
    word = outcome(response)
    if word == REDIRECT and response.headers["Location"] == "/cms/":
        return ADMIN_HOME
    return word


ROUTES = project_routes()


def test_every_pattern_has_a_rule():
    """A view added to the URL map without a line here fails, naming the pattern."""
    keys = [route.key for route in ROUTES]
    assert len(keys) == len(set(keys)), "two patterns share a key"
    without_rule = [
        route.key for route in ROUTES if route.prefix not in FAMILIES and route.key not in set(MATRIX) | NOT_EXERCISED
    ]
    assert not without_rule, "patterns without an access rule in MATRIX:\n" + "\n".join(without_rule)
    unclassified = [
        route.key
        for route in ROUTES
        if route.prefix == "django-admin"
        and route.key not in MATRIX
        and route.name is not None
        and not ADMIN_MODEL_URL.match(route.name)
    ]
    assert not unclassified, "django-admin pages that are no model's and have no line in MATRIX:\n" + "\n".join(
        unclassified
    )
    stale = set(MATRIX) - set(keys) - OPTIONAL
    assert not stale, f"rules for patterns that no longer exist: {sorted(stale)}"


def _families_roles(route):
    """Roles requested on a framework admin's pattern. Its gate answers every role it refuses the same
    way (the front doors django-admin/ and cms/, with a MATRIX line, are requested as every role), so
    the customer stands for them; then the roles the gate lets through or that hold some permission
    there: programme staff (is_staff) and the superuser in django-admin, programme staff and the
    editor in Wagtail (a superuser holds every Wagtail permission)."""
    if route.key in MATRIX:
        return ROLES
    if route.prefix == "django-admin":
        # The superuser only where even they are refused: adding to or deleting from a trail.
        adds_or_deletes = route.name and route.name.endswith(("_add", "_delete"))
        return [CUSTOMER, STAFF, SUPERUSER] if adds_or_deletes else [CUSTOMER, STAFF]
    return [CUSTOMER, STAFF, EDITOR]


CASES = [
    pytest.param(route, role, id=f"{route.key} × {role}")
    for route in ROUTES
    if route.key not in NOT_EXERCISED and (route.prefix not in FAMILIES or route.key in MATRIX)
    for role in ROLES
]
FAMILY_CASES = [
    pytest.param(route, id=route.key)
    for route in ROUTES
    if route.key not in NOT_EXERCISED and route.prefix in FAMILIES and route.key not in MATRIX
]


def mismatch(world, route, role):
    """None when the GET answers as expected, else what went wrong, naming the pattern and the role."""
    want = expected(route, role)
    url = url_of(route, world)
    got = answer_of(client_as(role, world).get(url))
    if want is None:
        if got in (LOGIN, SERVER_ERROR):
            return f"GET {url} as {role}: {got} (expected to pass the gate)"
        return None
    allowed = want if isinstance(want, set) else {want}
    if got not in allowed:
        return f"GET {url} as {role}: {got} (expected {' or '.join(sorted(allowed))})"
    return None


@pytest.mark.django_db
@pytest.mark.parametrize(("route", "role"), CASES)
def test_get_answers_as_the_matrix_says(world, route, role):
    problem = mismatch(world, route, role)
    assert problem is None, problem


@pytest.mark.django_db
@pytest.mark.parametrize("route", FAMILY_CASES)
def test_framework_admin_pages_answer_as_their_gate_says(world, route):
    """django-admin and Wagtail admin patterns, one test per pattern (the message names each role)."""
    problems = [mismatch(world, route, role) for role in _families_roles(route)]
    problems = [problem for problem in problems if problem]
    assert not problems, "\n".join(problems)


@pytest.mark.django_db
@pytest.mark.parametrize(
    "key",
    [
        "<lang>/quality/",
        "<lang>/quality/my/applications/<int:pk>/",
        "<lang>/dashboard/",
        "<lang>/dashboard/orders/<str:number>/",
        "<lang>/dashboard/producers/monitoring/",
        "<lang>/dashboard/producers/portal/stock/<int:pk>/",
        "<lang>/dashboard/campaigns/mine/<int:pk>/",
        "<lang>/accounts/orders/<str:order_number>/",
    ],
)
def test_english_prefix_has_the_same_gates(world, key):
    route = next(route for route in ROUTES if route.key == key)
    for role in ROLES:
        response = client_as(role, world).get(url_of(route, world, language="en"))
        assert answer_of(response) == MATRIX[key][role], f"/en/ {key} as {role}"


# --- POST: the state-changing views of our own apps ------------------------------------------------

OUR_APPS = re.compile(
    r"^(<lang>/(producers|quality|campaigns|certificates)/|<lang>/dashboard/(producers|campaigns|orders|catalogue)/"
    r"|payments/|cms/choose/)"
)
REFUSALS = {LOGIN, FORBIDDEN, NOT_FOUND, NOT_ALLOWED, ADMIN_HOME}

# The form a permitted role would send, so that a refusal is not just an invalid form.
POST_DATA = {
    "<lang>/quality/certificates/<int:pk>/": {"action": "suspend", "reason": "Test"},
    "<lang>/quality/applications/<int:pk>/": {"action": "take"},
    "<lang>/dashboard/producers/portal/stock/<int:pk>/": {"price": "1", "num_in_stock": "999"},
    "<lang>/dashboard/producers/portal/brands/<int:pk>/": {"name_fa": "ربوده", "name_en": "Taken"},
    "<lang>/dashboard/campaigns/<int:pk>/": {"decision": "reject", "reason": "Test"},
    "<lang>/dashboard/orders/<str:number>/": {"order_action": "change_order_status", "new_status": "Cancelled"},
}

# POST-only views (GET answers 405 to the roles they serve): who is refused, and how.
POST_ONLY = {
    "<lang>/campaigns/commitments/<int:pk>/cancel/": answers(NOT_FOUND, A=LOGIN, C=None),
    "<lang>/quality/my/certificates/<int:pk>/renew/": answers(FORBIDDEN, A=LOGIN, P=None, O=NOT_FOUND),
    "<lang>/dashboard/producers/training/<int:pk>/complete/": answers(FORBIDDEN, A=LOGIN, S=None, U=None),
    "<lang>/dashboard/producers/portal/network/invite/": answers(FORBIDDEN, A=LOGIN, P=None, O=None),
    "<lang>/dashboard/producers/portal/network/invitations/<int:pk>/<str:answer>/": answers(
        FORBIDDEN, A=LOGIN, P=None, O=NOT_FOUND
    ),
}

# Roles that may read a page but never change what it shows, and other POST answers of their own.
POST_ANSWERS = {
    "<lang>/dashboard/orders/<str:number>/": {
        STAFF: {FORBIDDEN},
        # A producer's POST is sent back to the order page (which is 404 to the other producer).
        OTHER_PRODUCER: {REDIRECT},
    },
    "<lang>/dashboard/orders/<str:number>/lines/<int:line_id>/": {STAFF: {FORBIDDEN, NOT_ALLOWED}},
}


def _post_cases():
    cases = []
    for route in ROUTES:
        if not OUR_APPS.match(route.key):
            continue
        for role in ROLES:
            if route.key in POST_ONLY:
                want = POST_ONLY[route.key][role]
            elif role in POST_ANSWERS.get(route.key, {}):
                want = POST_ANSWERS[route.key][role]
            elif role == SUPERUSER:  # refused on GET only where an object is missing
                want = None
            else:
                on_get = expected(route, role)
                refused_on_get = (on_get if isinstance(on_get, set) else {on_get}) <= REFUSALS - {NOT_ALLOWED}
                want = REFUSALS if refused_on_get else None
            if want is not None:
                cases.append(pytest.param(route, role, want, id=f"POST {route.key} × {role}"))
    return cases


def fingerprint(world):
    """What any of the POSTs could change, in one comparable value."""
    from oscar.apps.order.models import Order, OrderNote
    from oscar.apps.partner.models import StockRecord

    from producers.models import ApplicationEvent, Brand, Enrolment, LineShipment, NetworkMembership, ReadinessRule
    from quality.models import AuditEntry, Certificate, CertificationApplication, Evidence, Standard
    from shop.preorders.models import Campaign, Commitment

    def rows(model, *fields):
        return tuple(model.objects.order_by("pk").values_list("pk", *fields))

    return (
        rows(Certificate, "status"),
        rows(CertificationApplication, "state", "officer"),
        rows(Evidence),
        rows(AuditEntry),
        rows(Standard, "title_fa", "title_en"),
        rows(ApplicationEvent),
        rows(Enrolment, "completed_at"),
        rows(NetworkMembership, "status"),
        rows(Brand, "name_fa", "name_en"),
        rows(StockRecord, "price", "num_in_stock"),
        rows(Campaign, "state"),
        rows(Commitment, "state"),
        rows(Order, "status"),
        rows(OrderNote),
        rows(LineShipment),
        rows(ReadinessRule, "window_months", "min_sales_months"),
    )


@pytest.mark.django_db
@pytest.mark.parametrize(("route", "role", "want"), _post_cases())
def test_refused_roles_cannot_post_either(world, route, role, want):
    before = world.setdefault("fingerprint", fingerprint(world))  # each test's changes are rolled back
    response = client_as(role, world).post(url_of(route, world), POST_DATA.get(route.key, {}))
    got = answer_of(response)
    allowed = want if isinstance(want, set) else {want}
    assert got in allowed, f"POST {url_of(route, world)} as {role}: {got} (expected {' or '.join(sorted(allowed))})"
    assert fingerprint(world) == before, f"POST {route.key} as {role} changed something"


@pytest.mark.django_db
def test_programme_staff_cannot_merge_or_create_tags_in_django_admin(world):
    """taggit's merge page checked only is_staff: programme staff could create and merge tags (shop/admin.py)."""
    from taggit.models import Tag

    response = client_as(STAFF, world).post("/django-admin/taggit/tag/merge-tags/", {"new_tag_name": "created"})

    assert response.status_code == 403
    assert not Tag.objects.filter(name="created").exists()


@pytest.mark.django_db
@pytest.mark.parametrize(
    ("key", "role"),
    [
        ("<lang>/campaigns/commitments/<int:pk>/cancel/", CUSTOMER),
        ("<lang>/quality/certificates/<int:pk>/", OFFICER),
        ("<lang>/dashboard/producers/training/<int:pk>/complete/", STAFF),
        ("<lang>/dashboard/producers/portal/stock/<int:pk>/", PRODUCER),
        ("<lang>/dashboard/producers/portal/brands/<int:pk>/", PRODUCER),
        ("<lang>/dashboard/producers/portal/network/invitations/<int:pk>/<str:answer>/", PRODUCER),
    ],
    ids=lambda value: value,
)
def test_the_refused_posts_would_change_something_for_the_right_role(world, key, role):
    """The POSTs refused above are real changes: sent by the role the page is for, the fingerprint moves."""
    route = next(route for route in ROUTES if route.key == key)
    before = fingerprint(world)
    client_as(role, world).post(url_of(route, world), POST_DATA.get(key, {}))
    assert fingerprint(world) != before, f"POST {key} as {role} changed nothing: the refusal checks prove little"
