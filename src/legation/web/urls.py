"""HTML pages and the JSON API. An address with a trailing slash redirects to the one without
(:class:`legation.web.redirects.WithoutTrailingSlash`), for every route here."""

from django.urls import path

from legation.api.api import api
from legation.web import views

urlpatterns = [
    path("", views.search_page, name="search"),
    path("documents/<str:identifier>", views.document_page, name="document"),
    path("facets/<str:name>", views.facet_page, name="facet"),
    path("api/", api.urls),
]
