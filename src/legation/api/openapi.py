"""The OpenAPI description's texts as Markdown, the markup Swagger UI and other readers render.

Ninja takes the descriptions of operations and schemas from docstrings, which are written in
reStructuredText for Sphinx: code between double backquotes, cross-references as roles
(:class:, :func:, :data: …). :func:`rest_to_markdown` rewrites both as Markdown code, and
:class:`MarkdownDescriptions` applies it to every description of the published schema.
"""

from __future__ import annotations

import re
from typing import Any

from ninja import NinjaAPI

# :func:`name`, :class:`~pkg.Name`, :data:`text <pkg.NAME>`, :meth:`validate` and every other role.
_ROLE = re.compile(r":[a-z]+(?::[a-z]+)?:`([^`]+)`")
_LITERAL = re.compile(r"``(.+?)``", re.DOTALL)


def _role_text(match: re.Match[str]) -> str:
    """A role as code: its explicit title when it has one (``title <target>``), else the last part
    of the dotted name (API readers do not import Legation's modules)."""
    target = match.group(1)
    titled = re.fullmatch(r"(.+?)\s*<[^>]+>", target)
    name = titled.group(1) if titled else target.lstrip("~").rsplit(".", 1)[-1]
    return f"`{name}`"


def rest_to_markdown(text: str) -> str:
    """``text`` with reST inline literals (````x````) and roles (``:func:`x```) as Markdown code (`` `x` ``)."""
    return _LITERAL.sub(r"`\1`", _ROLE.sub(_role_text, text))


def _markdown(node: Any) -> Any:
    if isinstance(node, dict):
        for key, value in node.items():
            node[key] = rest_to_markdown(value) if key == "description" and isinstance(value, str) else _markdown(value)
    elif isinstance(node, list):
        node[:] = [_markdown(item) for item in node]
    return node


class MarkdownDescriptions(NinjaAPI):
    """A NinjaAPI whose published OpenAPI schema has every description in Markdown."""

    def get_openapi_schema(self, **options: Any):
        return _markdown(super().get_openapi_schema(**options))
