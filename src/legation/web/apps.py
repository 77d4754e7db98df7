"""Django app of the HTML pages (templates and static files)."""

from django.apps import AppConfig


class WebConfig(AppConfig):
    name = "legation.web"
    label = "web"
