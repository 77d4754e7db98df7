"""Template filters for search results."""

from __future__ import annotations

from django import template
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

CUT = "…"


@register.filter
def passages(snippets: list[str]) -> SafeString:
    """A hit's snippets (HTML already escaped by the search service) on one line, one "…"
    between two: ``["… a …", "… b"]`` → ``"… a … b"``. Passages never adjoin, so an ellipsis
    always stands between them, even when one passage reaches the end of the text."""
    if not snippets:
        return mark_safe("")
    inner = [s.removeprefix(f"{CUT} ").removesuffix(f" {CUT}") for s in snippets]
    head = f"{CUT} " if snippets[0].startswith(f"{CUT} ") else ""
    tail = f" {CUT}" if snippets[-1].endswith(f" {CUT}") else ""
    return mark_safe(head + f" {CUT} ".join(inner) + tail)  # each part is escaped HTML already
