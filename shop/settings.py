"""Settings for the home-made products marketplace.

Everything that differs between a laptop and production comes from the
environment (django-environ).  With no variables set you get the embedded
default: SQLite, database search, local media, immediate tasks, console email,
cash on delivery.  See the configuration table in README.md.
"""

from pathlib import Path

import environ
from django.core.exceptions import ImproperlyConfigured
from django.utils.translation import gettext_lazy as _
from django.utils.translation import gettext_noop
from oscar.defaults import *  # noqa: F403  (Oscar's documented way to get its defaults)

from producers import navigation as producers_navigation
from quality import navigation as quality_navigation
from shop.preorders import navigation as preorders_navigation

BASE_DIR = Path(__file__).resolve().parent.parent

env = environ.Env()

DEBUG = env.bool("DEBUG", default=False)
# Secrets come only from the environment. With DEBUG off a missing key stops start-up (`make demo`
# keeps its own random key in var/, the tests set one in tests/settings.py); only a DEBUG (local)
# run may fall back to the insecure key, which `check --deploy` flags.
SECRET_KEY = env.str("SECRET_KEY", default="")
if not SECRET_KEY:
    if not DEBUG:
        raise ImproperlyConfigured(
            "SECRET_KEY is not set. Set the SECRET_KEY environment variable to a long random value "
            "(e.g. python -c 'import secrets; print(secrets.token_urlsafe(50))'); only DEBUG=true runs "
            "may go without one."
        )
    SECRET_KEY = "django-insecure-debug-only-key"  # noqa: S105  (DEBUG only, see above)
ALLOWED_HOSTS = env.list("ALLOWED_HOSTS", default=["localhost", "127.0.0.1", "[::1]", "testserver"])
# DEBUG shows tracebacks and settings to whoever asks: never with a host the public can reach.
LOCAL_HOSTS = {"localhost", "127.0.0.1", "[::1]", "::1", "testserver", "0.0.0.0"}  # noqa: S104
if DEBUG and not set(ALLOWED_HOSTS) <= LOCAL_HOSTS:
    raise ImproperlyConfigured(
        "DEBUG is on while ALLOWED_HOSTS names non-local hosts "
        f"({', '.join(sorted(set(ALLOWED_HOSTS) - LOCAL_HOSTS))}). Turn DEBUG off in production."
    )
CSRF_TRUSTED_ORIGINS = env.list("CSRF_TRUSTED_ORIGINS", default=[])
SITE_ID = 1

INSTALLED_APPS = [
    # modeltranslation patches model fields, so it must come before the admin.
    "modeltranslation",
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sites",
    "django.contrib.flatpages",
    "django.contrib.humanize",
    "django.contrib.sitemaps",
    # Our project-level app: templates, template tags, management commands.
    "shop.apps.ShopConfig",
    # Oscar, with the forks this project needs.
    "oscar.config.Shop",
    "oscar.apps.analytics.apps.AnalyticsConfig",
    "shop.checkout.apps.CheckoutConfig",
    "oscar.apps.address.apps.AddressConfig",
    "oscar.apps.shipping.apps.ShippingConfig",
    "catalogue.apps.CatalogueConfig",
    "oscar.apps.catalogue.reviews.apps.CatalogueReviewsConfig",
    "oscar.apps.communication.apps.CommunicationConfig",
    "shop.partner.apps.PartnerConfig",
    "shop.basket.apps.BasketConfig",
    "oscar.apps.payment.apps.PaymentConfig",
    "oscar.apps.offer.apps.OfferConfig",
    "oscar.apps.order.apps.OrderConfig",
    "oscar.apps.customer.apps.CustomerConfig",
    "shop.search.apps.SearchConfig",
    "oscar.apps.voucher.apps.VoucherConfig",
    "oscar.apps.wishlists.apps.WishlistsConfig",
    "shop.dashboard.apps.DashboardConfig",
    "oscar.apps.dashboard.reports.apps.ReportsDashboardConfig",
    "oscar.apps.dashboard.users.apps.UsersDashboardConfig",
    "shop.dashboard.orders.apps.OrdersDashboardConfig",
    "shop.dashboard.catalogue.apps.CatalogueDashboardConfig",
    "oscar.apps.dashboard.offers.apps.OffersDashboardConfig",
    "oscar.apps.dashboard.partners.apps.PartnersDashboardConfig",
    "oscar.apps.dashboard.pages.apps.PagesDashboardConfig",
    "oscar.apps.dashboard.ranges.apps.RangesDashboardConfig",
    "oscar.apps.dashboard.reviews.apps.ReviewsDashboardConfig",
    "oscar.apps.dashboard.vouchers.apps.VouchersDashboardConfig",
    "oscar.apps.dashboard.communications.apps.CommunicationsDashboardConfig",
    "oscar.apps.dashboard.shipping.apps.ShippingDashboardConfig",
    # Oscar's own dependencies.
    "widget_tweaks",
    "haystack",
    "treebeard",
    "sorl.thumbnail",
    "django_tables2",
    # Our apps.
    "producers.apps.ProducersConfig",
    "producers.dashboard.apps.ProducersDashboardConfig",
    "quality.apps.QualityConfig",
    "cms.apps.CmsConfig",
    "shop.payments.apps.PaymentsConfig",
    "shop.preorders.apps.PreordersConfig",
    "shop.preorders.dashboard.apps.PreordersDashboardConfig",
    # Wagtail.
    "wagtail.contrib.forms",
    "wagtail.contrib.redirects",
    "wagtail.contrib.settings",
    "wagtail.contrib.simple_translation",
    "wagtail.embeds",
    "wagtail.sites",
    "wagtail.users",
    "wagtail.snippets",
    "wagtail.documents",
    "wagtail.images",
    "wagtail.search",
    "wagtail.admin",
    "wagtail.locales",
    "wagtail",
    "modelcluster",
    "taggit",
]

MIDDLEWARE = [
    "django.middleware.security.SecurityMiddleware",
    "shop.security.ContentSecurityPolicyMiddleware",  # enforced CSP with a per-request nonce
    "whitenoise.middleware.WhiteNoiseMiddleware",
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.locale.LocaleMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "shop.ratelimit.RateLimitMiddleware",  # abuse limits and account lockout (cache-backed)
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
    "oscar.apps.basket.middleware.BasketMiddleware",
    "django.contrib.flatpages.middleware.FlatpageFallbackMiddleware",
    "wagtail.contrib.redirects.middleware.RedirectMiddleware",
    "shop.caching.AnonymousPageCacheMiddleware",  # last: anonymous catalogue pages (shop/caching.py)
]
# Sessions are written to the database and read from the cache (each shopper's request read its session
# row: 4.5% of the workers' time under load, tests/benchmarks/results/profile-notes.md).
SESSION_ENGINE = "django.contrib.sessions.backends.cached_db"
# Longest life of a cached anonymous page (shop/caching.py bounds it by the next certificate expiry too).
PAGE_CACHE_SECONDS = env.int("PAGE_CACHE_SECONDS", default=300)

ROOT_URLCONF = "shop.urls"
WSGI_APPLICATION = "shop.wsgi.application"

TEMPLATES = [
    {
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.debug",
                "django.template.context_processors.request",
                "django.template.context_processors.i18n",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
                "oscar.apps.search.context_processors.search_form",
                "oscar.apps.checkout.context_processors.checkout",
                "oscar.apps.communication.notifications.context_processors.notifications",
                "oscar.core.context_processors.metadata",
                "shop.context_processors.site_chrome",
            ],
            # Oscar formats money through this library; ours knows the toman
            # and speaks the active language.
            "libraries": {
                "currency_filters": "shop.templatetags.money",
                "history_tags": "shop.templatetags.history",  # recently viewed: a page-cache hole
                "product_tags": "shop.templatetags.product_cards",  # product cards from the cache
            },
        },
    },
]

# That override is deliberate: templates.W003 reports exactly it. models.W040: the search documents'
# covering index (INCLUDE) is created on PostgreSQL only (shop/search/migrations/0003), by design.
SILENCED_SYSTEM_CHECKS = ["templates.W003", "models.W040"]

# --- Data -------------------------------------------------------------------
DATABASES = {"default": env.db("DATABASE_URL", default=f"sqlite:///{BASE_DIR / 'db.sqlite3'}")}
DATABASES["default"]["ATOMIC_REQUESTS"] = True
if DATABASES["default"]["ENGINE"] == "django.db.backends.sqlite3":
    # SQLite has one writer at a time. Requests are transactions (ATOMIC_REQUESTS) that may write
    # after reading (Oscar counts product views, baskets): take the write lock when they begin, and
    # wait for a busy writer, rather than fail with "database is locked" when two requests overlap.
    # WAL lets readers go on while a request writes.
    DATABASES["default"].setdefault("OPTIONS", {}).update(
        timeout=20,
        transaction_mode="IMMEDIATE",
        init_command="PRAGMA journal_mode=WAL; PRAGMA synchronous=NORMAL;",
    )
elif DATABASES["default"]["ENGINE"] == "django.db.backends.postgresql":
    # No JIT compilation: a web page's queries are short, and compiling the large facet-count query
    # cost PostgreSQL 4-5 s per search at 100k products (tests/benchmarks/search_benchmark.py).
    DATABASES["default"].setdefault("OPTIONS", {}).setdefault("options", "-c jit=off")
    # Keep each worker's connection between requests: a new connection per request cost PostgreSQL a
    # process fork and a cold catalog cache every time (about half its CPU under the load benchmark).
    # Checked before reuse, so that a restarted database costs one failed check, not an error page.
    DATABASES["default"]["CONN_MAX_AGE"] = env.int("DATABASE_CONN_MAX_AGE", default=60)
    DATABASES["default"]["CONN_HEALTH_CHECKS"] = True
DEFAULT_AUTO_FIELD = "django.db.models.AutoField"

REDIS_URL = env.str("REDIS_URL", default="")
if REDIS_URL:
    # Django's Redis cache, read as an empty cache while Redis is unreachable (shop/cache.py): a hanging
    # server costs one timeout of a second, then is left alone for a few seconds.
    CACHES = {
        "default": {
            "BACKEND": "shop.cache.ResilientRedisCache",
            "LOCATION": REDIS_URL,
            "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 1},
        }
    }
else:
    CACHES = {"default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache"}}

# Forked Oscar apps whose models are unchanged keep Oscar's migrations.
MIGRATION_MODULES = {"partner": "oscar.apps.partner.migrations", "basket": "oscar.apps.basket.migrations"}

# --- Accounts ---------------------------------------------------------------
AUTHENTICATION_BACKENDS = [
    "oscar.apps.customer.auth_backends.EmailBackend",
    "django.contrib.auth.backends.ModelBackend",
]
AUTH_PASSWORD_VALIDATORS = [
    {"NAME": "django.contrib.auth.password_validation.UserAttributeSimilarityValidator"},
    {"NAME": "django.contrib.auth.password_validation.MinimumLengthValidator"},
    {"NAME": "django.contrib.auth.password_validation.CommonPasswordValidator"},
    {"NAME": "django.contrib.auth.password_validation.NumericPasswordValidator"},
]
LOGIN_URL = "customer:login"
LOGIN_REDIRECT_URL = "customer:profile-view"

# --- Languages --------------------------------------------------------------
LANGUAGE_CODE = "fa"
LANGUAGES = [("fa", _("Persian")), ("en", _("English"))]
LOCALE_PATHS = [BASE_DIR / "locale"]
USE_I18N = True
USE_TZ = True
TIME_ZONE = env.str("TIME_ZONE", default="Asia/Tehran")
MODELTRANSLATION_DEFAULT_LANGUAGE = "fa"
MODELTRANSLATION_FALLBACK_LANGUAGES = ("fa", "en")

# --- Static and media -------------------------------------------------------
STATIC_URL = "/static/"
STATIC_ROOT = env.path("STATIC_ROOT", default=BASE_DIR / "var" / "static")
STATICFILES_DIRS = [BASE_DIR / "static"]
MEDIA_URL = "/media/"
MEDIA_ROOT = env.path("MEDIA_ROOT", default=BASE_DIR / "var" / "media")
STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {
        "BACKEND": env.str("STATICFILES_STORAGE", default="whitenoise.storage.CompressedManifestStaticFilesStorage")
    },
}
# Serve from the finders while developing; otherwise run `collectstatic` (make demo does).
WHITENOISE_USE_FINDERS = DEBUG
WHITENOISE_AUTOREFRESH = DEBUG
# Evidence documents and other private uploads: never under MEDIA_URL.
PRIVATE_MEDIA_ROOT = env.path("PRIVATE_MEDIA_ROOT", default=BASE_DIR / "var" / "private")
SERVE_MEDIA = env.bool("SERVE_MEDIA", default=DEBUG)
THUMBNAIL_PRESERVE_FORMAT = True
THUMBNAIL_DEBUG = False
DATA_UPLOAD_MAX_MEMORY_SIZE = 10 * 1024 * 1024

# --- Email ------------------------------------------------------------------
EMAIL_BACKEND = env.str("EMAIL_BACKEND", default="django.core.mail.backends.console.EmailBackend")
DEFAULT_FROM_EMAIL = env.str("DEFAULT_FROM_EMAIL", default="market@homemade.example")
OSCAR_FROM_EMAIL = DEFAULT_FROM_EMAIL

# --- Oscar ------------------------------------------------------------------
OSCAR_SHOP_NAME = _("Home-made Market")
OSCAR_SHOP_TAGLINE = _("Certified products of home businesses")
OSCAR_HOMEPAGE = "/"
OSCAR_DEFAULT_CURRENCY = "IRT"  # the toman: what prices are quoted in
OSCAR_ALLOW_ANON_CHECKOUT = True
OSCAR_EAGER_ALERTS = False  # back-in-stock alerts go out after commit (shop/alerts.py), not inside the stock save
OSCAR_ALLOW_ANON_REVIEWS = False
OSCAR_PRODUCTS_PER_PAGE = 24
OSCAR_MISSING_IMAGE_URL = "image_not_found.jpg"
OSCAR_SLUG_ALLOW_UNICODE = True  # Persian titles keep readable Persian slugs
OSCAR_REQUIRED_ADDRESS_FIELDS = ("first_name", "last_name", "line1", "line4", "country")
# Order and line statuses (stored values; templates translate them). An order is placed only once
# paid (card) or committed (cash on delivery); producers move their own lines, the order follows.
OSCAR_INITIAL_ORDER_STATUS = "Pending"
OSCAR_INITIAL_LINE_STATUS = "Pending"
OSCAR_ORDER_STATUS_PIPELINE = {
    "Pending": ("Being processed", "Cancelled"),
    "Being processed": ("Complete", "Cancelled"),
    "Complete": (),
    "Cancelled": (),
}
# The status words above, marked for translation: templates show them with {% translate %}.
_STATUS_WORDS = [
    gettext_noop("Pending"),
    gettext_noop("Being processed"),
    gettext_noop("Complete"),
    gettext_noop("Cancelled"),
    gettext_noop("Dispatched"),
    gettext_noop("Delivered"),
]
OSCAR_LINE_STATUS_PIPELINE = {
    "Pending": ("Dispatched", "Cancelled"),
    "Dispatched": ("Delivered",),
    "Delivered": (),
    "Cancelled": (),
}
OSCAR_DASHBOARD_NAVIGATION = [
    *OSCAR_DASHBOARD_NAVIGATION,  # noqa: F405
    *producers_navigation.DASHBOARD_MENU,
    *quality_navigation.DASHBOARD_MENU,
    *preorders_navigation.DASHBOARD_MENU,
]
HAYSTACK_CONNECTIONS = {"default": {"ENGINE": "haystack.backends.simple_backend.SimpleEngine"}}
HAYSTACK_SIGNAL_PROCESSOR = "haystack.signals.BaseSignalProcessor"  # no real-time indexing

# --- Search (shop.search; README "Search") -----------------------------------------
# The database backend (SQLite FTS5 / PostgreSQL full-text + pg_trgm) unless
# ELASTICSEARCH_URL is set; if Elasticsearch cannot be reached, the database answers.
ELASTICSEARCH_URL = env.str("ELASTICSEARCH_URL", default="")
SEARCH_ELASTICSEARCH_INDEX = env.str("SEARCH_ELASTICSEARCH_INDEX", default="homemade-products")
SEARCH_ELASTICSEARCH_TIMEOUT = env.float("SEARCH_ELASTICSEARCH_TIMEOUT", default=2.0)
# Background work (search index updates) runs as django-tasks tasks: immediately, in-process, by
# default; production sets TASKS_BACKEND to a worker-backed backend.
TASKS = {"default": {"BACKEND": env.str("TASKS_BACKEND", default="django_tasks.backends.immediate.ImmediateBackend")}}

# --- Payments (shop.payments; README "Payments") ------------------------------
# Cash on delivery needs nothing. The card method appears only when both Stripe keys are set.
STRIPE_SECRET_KEY = env.str("STRIPE_SECRET_KEY", default="")
STRIPE_PUBLISHABLE_KEY = env.str("STRIPE_PUBLISHABLE_KEY", default="")
STRIPE_WEBHOOK_SECRET = env.str("STRIPE_WEBHOOK_SECRET", default="")
STRIPE_API_BASE = env.str("STRIPE_API_BASE", default="https://api.stripe.com")
# Stripe requires Stripe.js from its own host (the one documented exception to "no CDN");
# tests point it at localstripe's mock (<localstripe>/js.stripe.com/v3/).
STRIPE_JS_URL = env.str("STRIPE_JS_URL", default="https://js.stripe.com/v3/")
STRIPE_CURRENCY = env.str("STRIPE_CURRENCY", default="irr")
STRIPE_UNITS_PER_TOMAN = env.int("STRIPE_UNITS_PER_TOMAN", default=10)  # a toman is ten rials
STRIPE_MAX_NETWORK_RETRIES = env.int("STRIPE_MAX_NETWORK_RETRIES", default=2)
STRIPE_TIMEOUT = env.float("STRIPE_TIMEOUT", default=20.0)  # seconds per request (each retry waits as long)
STRIPE_WEBHOOK_TOLERANCE = env.int("STRIPE_WEBHOOK_TOLERANCE", default=300)  # seconds
PREORDER_PAYMENT_GRACE_HOURS = env.int("PREORDER_PAYMENT_GRACE_HOURS", default=72)  # pay-now time after a failed charge
MARKETPLACE_COMMISSION_PERCENT = env.str("MARKETPLACE_COMMISSION_PERCENT", default="10")  # of each line sold

# --- Wagtail ----------------------------------------------------------------
WAGTAIL_SITE_NAME = "Home-made Market"
WAGTAILADMIN_BASE_URL = env.str("WAGTAILADMIN_BASE_URL", default="http://127.0.0.1:8000")
WAGTAIL_I18N_ENABLED = True
WAGTAIL_CONTENT_LANGUAGES = LANGUAGES
WAGTAILSEARCH_BACKENDS = {"default": {"BACKEND": "wagtail.search.backends.database"}}
WAGTAILADMIN_PERMITTED_LANGUAGES = LANGUAGES
WAGTAILDOCS_EXTENSIONS = ["pdf", "docx", "xlsx", "csv", "txt"]

# --- Security ---------------------------------------------------------------
# HTTPS=true is production behind TLS: secure cookies, redirect to https, HSTS.
HTTPS = env.bool("HTTPS", default=False)
SESSION_COOKIE_SECURE = CSRF_COOKIE_SECURE = SECURE_SSL_REDIRECT = HTTPS
SECURE_HSTS_SECONDS = env.int("SECURE_HSTS_SECONDS", default=60 * 60 * 24 * 365 if HTTPS else 0)
# The shop owns its whole domain: subdomains are covered and the header carries `preload` (README,
# "Configuration": submitting the domain to the browsers' preload list is a separate, deliberate step).
SECURE_HSTS_INCLUDE_SUBDOMAINS = env.bool("SECURE_HSTS_INCLUDE_SUBDOMAINS", default=HTTPS)
SECURE_HSTS_PRELOAD = env.bool("SECURE_HSTS_PRELOAD", default=HTTPS)
SESSION_COOKIE_HTTPONLY = True
BEHIND_PROXY = env.bool("BEHIND_PROXY", default=False)
if BEHIND_PROXY:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
X_FRAME_OPTIONS = "DENY"
SECURE_REFERRER_POLICY = "same-origin"

# Abuse limits (shop/ratelimit.py): attempts per client address in a window of seconds, per scope.
RATE_LIMITS = {
    "login": (env.int("RATE_LIMIT_LOGIN", default=20), env.int("RATE_LIMIT_LOGIN_WINDOW", default=300)),
    "password-reset": (
        env.int("RATE_LIMIT_PASSWORD_RESET", default=5),
        env.int("RATE_LIMIT_PASSWORD_RESET_WINDOW", default=3600),
    ),
    "producer-application": (
        env.int("RATE_LIMIT_APPLICATION", default=10),
        env.int("RATE_LIMIT_APPLICATION_WINDOW", default=3600),
    ),
    "certificate-lookup": (
        env.int("RATE_LIMIT_CERTIFICATE", default=60),
        env.int("RATE_LIMIT_CERTIFICATE_WINDOW", default=60),
    ),
    "checkout": (env.int("RATE_LIMIT_CHECKOUT", default=20), env.int("RATE_LIMIT_CHECKOUT_WINDOW", default=600)),
}
# Account lockout: this many failed sign-ins for one account (from any address) lock it this long.
LOGIN_LOCKOUT_FAILURES = env.int("LOGIN_LOCKOUT_FAILURES", default=5)
LOGIN_LOCKOUT_MINUTES = env.int("LOGIN_LOCKOUT_MINUTES", default=15)

LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "root": {"handlers": ["console"], "level": env.str("LOG_LEVEL", default="WARNING")},
}
