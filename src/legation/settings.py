"""Django settings for Legation, read from environment variables with embedded defaults.

Every deployment value is one ``LEGATION_*`` environment variable, declared once in
:data:`legation.config.SETTINGS` with its default and help text (``legation settings`` lists them).
The embedded default keeps everything in one data folder: a SQLite database and the tantivy index.
"""

from __future__ import annotations

from pathlib import Path

from whitenoise.compress import Compressor

from legation.config import config

_cfg = config()

BASE_DIR = _cfg.data_dir
DATA_DIR = _cfg.data_dir
INDEX_DIR = _cfg.index_dir

SECRET_KEY = _cfg.secret_key
DEBUG = _cfg.debug
ALLOWED_HOSTS = _cfg.allowed_hosts

INSTALLED_APPS = [
    "django.contrib.admin",
    "django.contrib.auth",
    "django.contrib.contenttypes",
    "django.contrib.sessions",
    "django.contrib.messages",
    "django.contrib.staticfiles",
    "django.contrib.sitemaps",  # its templates: /sitemap.xml (legation.web.crawlers)
    "legation.records",
    "legation.web",
    # Django Ninja's templates and static files: /api/docs loads the Swagger UI bundled with the
    # installed django-ninja from this site's own static files (WhiteNoise), not from a CDN, so the
    # page works on a server without Internet access and runs no script fetched from elsewhere.
    "ninja",
    "corsheaders",
]

MIDDLEWARE = [
    "corsheaders.middleware.CorsMiddleware",  # outermost: its headers go on every answer of the API, errors too
    "legation.web.middleware.HeadWithoutBody",
    "django.middleware.security.SecurityMiddleware",  # before those answering on their own: a 405 of the API lacked its headers
    "legation.api.errors.JsonErrorsUnderApi",
    "legation.web.middleware.Utf8Query",  # a parameter percent-encoding bytes that are not UTF-8: 400, not a search for U+FFFD
    "legation.web.redirects.WithoutTrailingSlash",
    "legation.web.middleware.StaticFiles",  # static files (WhiteNoise), precompressed, answered before those below
    # pages and JSON gzipped for a client that accepts it (a search answer of 60 KB is 9 KB), with
    # Django's mitigation of BREACH (random bytes in each gzip header); no page here holds a secret
    "legation.web.middleware.GZip",  # Django's, reading Accept-Encoding's weights (gzip;q=0)
    "legation.web.middleware.Revalidation",  # ETag and 304 for every 200 a client may keep; after GZip
    "legation.web.errors.DatabaseUnavailable",  # 503 and Retry-After when the database is out of reach
    "django.contrib.sessions.middleware.SessionMiddleware",
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
    "django.contrib.auth.middleware.AuthenticationMiddleware",
    "django.contrib.messages.middleware.MessageMiddleware",
    "django.middleware.clickjacking.XFrameOptionsMiddleware",
]

# The JSON API is public and read only: a web page of any site may call it from the browser (CORS,
# django-cors-headers), with no cookies (no credentials), so a curator's session never serves
# another site. The pages, the admin and their forms stay same-origin. `/api` itself too: its
# redirect to `/api/`, which a browser follows only with the headers.
CORS_URLS_REGEX = r"^/api(/.*)?$"
CORS_ALLOW_ALL_ORIGINS = True
# What the API's Allow header says (an OPTIONS request itself is never preflighted), and the headers
# a reader may send: conditional requests, languages; not django-cors-headers' default of
# Authorization and X-CSRFToken, which a public API without credentials never reads.
CORS_ALLOW_METHODS = ("GET", "HEAD")
CORS_ALLOW_HEADERS = ("accept", "accept-language", "content-language", "content-type", "if-none-match", "if-modified-since", "cache-control")
CORS_ALLOW_CREDENTIALS = False
# what a script of another site may read of an answer beside the simple headers: its ETag, to ask
# again with If-None-Match (the preflight allows that header), and Retry-After of a 503
CORS_EXPOSE_HEADERS = ("etag", "retry-after")

ROOT_URLCONF = "legation.urls"
CSRF_FAILURE_VIEW = "legation.web.errors.csrf_failure"  # the site's own page, saying what to do

TEMPLATES = [
    {
        # Legation's pages (legation/web/templates): Jinja2, escaping as Django does (legation.web.templating).
        "BACKEND": "django.template.backends.jinja2.Jinja2",
        "DIRS": [Path(__file__).resolve().parent / "web" / "templates"],
        "APP_DIRS": False,
        "OPTIONS": {"environment": "legation.web.templating.environment"},
    },
    {
        # The admin's templates.
        "BACKEND": "django.template.backends.django.DjangoTemplates",
        "DIRS": [],
        "APP_DIRS": True,
        "OPTIONS": {
            "context_processors": [
                "django.template.context_processors.request",
                "django.contrib.auth.context_processors.auth",
                "django.contrib.messages.context_processors.messages",
            ],
        },
    },
]

WSGI_APPLICATION = "legation.wsgi.application"

DATABASES = {"default": _cfg.database}
DEFAULT_AUTO_FIELD = "django.db.models.BigAutoField"

LANGUAGE_CODE = "en-us"
TIME_ZONE = "UTC"
USE_I18N = True
USE_TZ = True

STATIC_URL = "static/"
STATIC_ROOT = _cfg.data_dir / "static"
# WhiteNoise serves static files from the web processes: the compressed copies `legation serve`
# collects into STATIC_ROOT at start, or the apps' own files when they have not been collected.
# The "search" cache keeps answers to repeated searches per process (legation.web.cache); each
# entry is one page or API answer (tens of KB), so 500 entries stay within a few tens of MB.
CACHES = {
    "default": {"BACKEND": "django.core.cache.backends.locmem.LocMemCache", "LOCATION": "legation-default"},
    "search": {
        "BACKEND": "django.core.cache.backends.locmem.LocMemCache",
        "LOCATION": "legation-search",
        "OPTIONS": {"MAX_ENTRIES": 500, "CULL_FREQUENCY": 4},
    },
}

STORAGES = {
    "default": {"BACKEND": "django.core.files.storage.FileSystemStorage"},
    "staticfiles": {"BACKEND": "legation.web.static_storage.HashedStaticFiles"},  # content-hashed once collected
}
WHITENOISE_USE_FINDERS = True
# Source maps (Swagger UI's, 5 MB, for /api/docs) are read only by a browser's developer tools:
# served as they are, not compressed at every `legation serve` start (which took 1.5 s more).
WHITENOISE_SKIP_COMPRESS_EXTENSIONS = [*Compressor.SKIP_COMPRESS_EXTENSIONS, "map"]

if _cfg.https:
    SECURE_PROXY_SSL_HEADER = ("HTTP_X_FORWARDED_PROTO", "https")
    SECURE_SSL_REDIRECT = True
    SESSION_COOKIE_SECURE = True
    CSRF_COOKIE_SECURE = True
    SECURE_HSTS_SECONDS = 31_536_000


# A request's 500 is logged with its traceback on standard error, which `legation serve` (gunicorn)
# and `legation demo` write to their terminal or log: Django's own default sends it only to
# ADMINS by mail with DEBUG off, and Legation has none, so the error pages' "the error has been
# logged" was false. 4xx answers are not logged (a crawler's 404s are no error of the site).
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "formatters": {"plain": {"format": "{asctime} [{process}] {levelname} {name}: {message}", "style": "{"}},
    "handlers": {"stderr": {"class": "logging.StreamHandler", "formatter": "plain"}},
    # Legation's own warnings (database out of reach, index rebuilt, writes failing) dated and signed
    # with their process: they went out bare through Python's last-resort handler, so an outage could
    # not be dated from the log (a fresh operator)
    "loggers": {
        "django.request": {"handlers": ["stderr"], "level": "ERROR", "propagate": False},
        "legation": {"handlers": ["stderr"], "level": "WARNING", "propagate": False},
    },
}
