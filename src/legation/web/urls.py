"""HTML pages and the JSON API."""

from django.urls import path

from legation.api.api import api
from legation.web import views

urlpatterns = [
    path("", views.search_page, name="search"),
    path("documents/<str:identifier>", views.document_page, name="document"),
    path("documents/<str:identifier>/", views.document_with_slash),
    path("api/documents/<str:identifier>/", views.api_document_with_slash),
    path("facets/<str:name>", views.facet_page, name="facet"),
    path("api/", api.urls),
]
