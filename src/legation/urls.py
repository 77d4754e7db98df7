"""URL tree: HTML pages at the root, the JSON API under /api/, the curators' admin under /admin/."""

from django.contrib import admin
from django.urls import include, path

urlpatterns = [
    path("admin/", admin.site.urls),
    path("", include("legation.web.urls")),
]

# Error answers (when DEBUG is off): pages in the site's layout, the API's JSON shape under /api/.
handler400 = "legation.web.errors.bad_request"
handler404 = "legation.web.errors.not_found"
handler500 = "legation.web.errors.server_error"
