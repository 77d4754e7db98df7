"""URL tree: HTML pages at the root, the JSON API under /api/, the curators' admin under /admin/."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("legation.web.urls")),
]

handler404 = "legation.web.views.not_found"
