"""The Jinja2 environment of Legation's pages (``TEMPLATES`` in :mod:`legation.settings`).

Jinja2 compiles a template to Python code; Django's template language walks a node tree for every
value it prints, which took 6.5 ms of an uncached search page's 16 ms of CPU (seven facets and a
histogram print about 500 values). The pages are byte for byte what Django's templates made:

- every ``{{ value }}`` is escaped as Django escapes (``'`` as ``&#x27;``, ``"`` as ``&quot;``;
  Jinja2's own escaping writes ``&#39;`` and ``&#34;``), unless it is marked safe (``__html__``);
- an undefined name, or an attribute of one, prints nothing (``ChainableUndefined``), as in
  Django, rather than raising;
- a template keeps its last newline.

Globals: ``static(path)`` (the static file's URL), ``url(name, *args)`` (``reverse``),
``site_credit()`` (``LEGATION_SITE_CREDIT``),
``query_box_maxlength`` (the search box's ``maxlength``). Filters:
``passages`` (a hit's snippets on one line), ``urlencode`` and ``linebreaks`` (Django's own).
"""

from __future__ import annotations

import html
from typing import Any

from django.template.defaultfilters import linebreaks_filter, urlencode
from django.templatetags.static import static
from django.urls import reverse
from django.utils.safestring import SafeString, mark_safe
from jinja2 import ChainableUndefined, Environment
from markupsafe import Markup

from legation.config import config
from legation.web.params import QUERY_BOX_MAXLENGTH

CUT = "…"


# C0 control characters but tab, line feed and carriage return: HTML forbids them in a page
# (a NUL in a query, "?q=a%00b", was printed raw); each is shown as U+FFFD, as browsers would.
_CONTROLS = {code: "\ufffd" for code in range(32) if chr(code) not in "\t\n\r"}


def escaped(value: Any) -> Any:
    """What ``{{ value }}`` prints: ``value`` itself when it is marked safe, else its text escaped
    the way Django escapes it (``html.escape``), control characters replaced (:data:`_CONTROLS`).

    Jinja2's autoescaping (always on, :func:`environment`) escapes what this returns, so a text
    without quotes is returned as a plain ``str``: markupsafe escapes ``&``, ``<`` and ``>`` as
    ``html.escape`` does, and only quotes differ (``&#39;``, ``&#34;``). Most printed values (counts,
    years, query-string links, names) have none; escaping them once rather than twice cut the
    search page's rendering time by about a third."""
    if hasattr(value, "__html__"):
        return value
    text = str(value)
    if not text.isprintable():
        text = text.translate(_CONTROLS)
    if "'" in text or '"' in text:
        return Markup(html.escape(text))
    return text


def url(name: str, *args: Any) -> str:
    """The path of the URL pattern ``name`` with ``args`` (Django's ``{% url %}``)."""
    return reverse(name, args=args)


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


def environment(**options: Any) -> Environment:
    """The environment Django's Jinja2 backend renders with (``options`` from the backend:
    loader, ``auto_reload``). Autoescaping is on whatever the options say: :func:`escaped`
    leaves the escaping of most values to it."""
    env = Environment(**{**options, "autoescape": True, "undefined": ChainableUndefined, "finalize": escaped, "keep_trailing_newline": True})
    env.globals.update(static=static, url=url, site_credit=lambda: config().site_credit, query_box_maxlength=QUERY_BOX_MAXLENGTH)
    env.filters.update(passages=passages, urlencode=urlencode, linebreaks=linebreaks_filter)  # Django's, escaping
    return env
