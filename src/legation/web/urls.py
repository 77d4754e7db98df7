"""HTML pages and the JSON API. An address with a trailing slash redirects to the one without
(:class:`legation.web.redirects.WithoutTrailingSlash`), for every route here."""

from django.contrib.sitemaps import views as sitemaps
from django.urls import path

from legation.api.api import api
from legation.web import crawlers, views

urlpatterns = [
    path("", views.search_page, name="search"),
    path("documents/<str:identifier>", views.document_page, name="document"),
    path("facets/<str:name>", views.facet_page, name="facet"),
    path("api/", api.urls),
    path("robots.txt", views.read_only(crawlers.robots_txt), name="robots"),
    path("favicon.ico", crawlers.favicon, name="favicon"),
    path("sitemap.xml", views.read_only(sitemaps.index), {"sitemaps": crawlers.SITEMAPS, "sitemap_url_name": "sitemap-section"}, name="sitemap"),
    path("sitemap-<section>.xml", views.read_only(crawlers.sitemap_page), name="sitemap-section"),
]
