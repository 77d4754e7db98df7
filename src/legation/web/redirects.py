"""Redirects from a near-miss document address to the document's own, for the pages and the API
alike: ``/documents/FRUS1949V07P1-D1``, ``…-d1/``, ``…-d1.`` (a permalink pasted with its slash, a
sentence's full stop or another case). One rule for both, so that neither shows a document the
other would not."""

from __future__ import annotations

import json

from django.http import HttpResponse, HttpResponsePermanentRedirect, HttpResponseRedirect

from legation.api.errors import JSON_CONTENT_TYPE
from legation.records.documents import Canonical, canonical_identifier, document_exists
from legation.web.templating import url


def document_redirect(identifier: str, view: str, slash: bool = False) -> HttpResponse | None:
    """The redirect from a near-miss document address to the document's own (``view``: the page's
    or the API's), None when it names no document: 301 when the address only had a trailing
    ``slash`` or punctuation too many, 302 for a case-insensitive match (true only while no other
    document matches it). Looks in the same table as the page, so it shows no other document."""
    canonical = Canonical(identifier, True) if slash and document_exists(identifier) else canonical_identifier(identifier)
    if canonical is None:
        return None
    redirect = HttpResponsePermanentRedirect if canonical.permanent else HttpResponseRedirect
    location = url(view, canonical.identifier)
    if not view.startswith("api:"):
        return redirect(location)
    body = json.dumps({"identifier": canonical.identifier, "url": location})
    return redirect(location, content=body, content_type=JSON_CONTENT_TYPE)
