"""WSGI entry point for serving Legation (``legation serve`` and any WSGI server)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "legation.settings")
application = get_wsgi_application()
