"""What search engines' crawlers may fetch (``/robots.txt``) and where every document is
(``/sitemap.xml``).

An archive's search pages are an endless space of addresses: each facet value, date, sort and
page of each query is a link to another, and a crawler following them runs a search for each
(the usual load on a public digital archive). ``robots.txt`` (RFC 9309) keeps crawlers to the
home page and the documents' permalinks, and names the sitemap (sitemaps.org protocol 0.9),
which lists each document's permalink with the time its record last changed (``lastmod``), by
Django's sitemaps framework: a sitemap index of pages of at most :data:`SITEMAP_PAGE` addresses
each, ``/sitemap-documents.xml?p=2`` the second.
"""

from __future__ import annotations

import datetime as dt
import re

from django.contrib.sitemaps import Sitemap
from django.contrib.sitemaps import views as sitemaps
from django.db.models import Max, QuerySet
from django.http import Http404, HttpRequest, HttpResponse, HttpResponseRedirect
from django.templatetags.static import static
from django.urls import reverse

from legation.records.models import Document

# addresses in one sitemap file: the protocol allows 50,000 (sitemaps.org, "Sitemap index files"), but
# Django's sitemap takes 0.1 ms of CPU an address (4,915 in 0.50 s): 10,000 keep a page to about a second
SITEMAP_PAGE = 10_000


def favicon(request: HttpRequest) -> HttpResponse:
    """``/favicon.ico``, which browsers ask for of a page naming no icon (an API answer opened in
    one: a 404 in its console) and crawlers ask for always: a temporary redirect (302) to the site's
    icon, the SVG its pages name (a file name that changes with the icon, so not for good)."""
    return HttpResponseRedirect(static("legation/favicon.svg"))


def robots_txt(request: HttpRequest) -> HttpResponse:
    """``/robots.txt``, ``text/plain``: every crawler may fetch the home page, the documents, static
    files and sitemaps; not searches (``/?…``), facet pages, the API or the admin. The sitemap's address
    is absolute, as RFC 9309 §2.3.5 asks, on the host and scheme the request came by.

    RFC 9309 §2.2.2 matches the longest rule, so the home page ``/`` stays allowed beside
    ``Disallow: /?``. Python's ``urllib.robotparser``, which many small crawlers use, reads
    ``/?`` as ``/`` and takes the first rule that matches: the documents, static files and
    sitemaps are therefore allowed first, and such a crawler leaves out only the home page (a
    search form)."""
    lines = [
        "User-agent: *",
        "Allow: /documents/",
        "Allow: /static/",
        "Allow: /sitemap",
        "Disallow: /?",
        "Disallow: /facets/",
        "Disallow: /api/",
        "Disallow: /admin/",
        "",
        f"Sitemap: {request.build_absolute_uri(reverse('sitemap'))}",
    ]
    return HttpResponse("\n".join(lines) + "\n", content_type="text/plain; charset=utf-8")


class DocumentSitemap(Sitemap):
    """Every document's permalink (``/documents/<identifier>``), in the order documents were
    first stored, with ``lastmod`` the time its record last changed (UTC, to the second). Every
    document is public today; restricted or embargoed ones, once the model has them, must be left
    out of :meth:`items` and :meth:`get_latest_lastmod` as out of search."""

    limit = SITEMAP_PAGE

    def items(self) -> QuerySet[Document]:
        return Document.objects.order_by("pk").only("identifier", "updated_at")

    def location(self, item: Document) -> str:
        return reverse("document", args=[item.identifier])

    def lastmod(self, item: Document) -> dt.datetime:
        return item.updated_at.replace(microsecond=0)

    def get_latest_lastmod(self) -> dt.datetime | None:
        """The newest ``lastmod``, by one query (Django's own reads every document for it)."""
        latest = Document.objects.aggregate(latest=Max("updated_at"))["latest"]
        return latest.replace(microsecond=0) if latest else None


SITEMAPS = {"documents": DocumentSitemap}

# a sitemap page's number as the index writes it: 2, not 02, " 2" nor "２"; the first page has none
_PAGE = re.compile(r"[2-9]|[1-9][0-9]{1,8}")
NO_SUCH_PAGE = "There is no such sitemap page; /sitemap.xml lists each."


def sitemap_page(request: HttpRequest, section: str) -> HttpResponse:
    """``/sitemap-<section>.xml?p=N``: one page of a sitemap (Django's view), for a ``p`` written
    as the sitemap index writes it (none for the first page); any other (``p=1``, ``p=01``,
    ``p=２``, two values, another parameter) is 404 naming the index, so that each page has one
    address (a page of 10,000 permalinks costs about a second to draw) and no message echoes
    what was sent."""
    pages = request.GET.getlist("p")
    if section not in SITEMAPS or set(request.GET) - {"p"} or pages and (len(pages) > 1 or not _PAGE.fullmatch(pages[0])):
        raise Http404(NO_SUCH_PAGE)
    try:
        return sitemaps.sitemap(request, SITEMAPS, section)
    except Http404:  # past the last page
        raise Http404(NO_SUCH_PAGE) from None
