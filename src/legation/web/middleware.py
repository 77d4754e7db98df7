"""Django middleware of the web layer."""

from __future__ import annotations

from collections.abc import Callable

from django.http import HttpRequest, HttpResponse


class HeadWithoutBody:
    """Answer ``HEAD`` as ``GET`` without the body (RFC 9110 §9.3.2), keeping the ``Content-Length``
    a ``GET`` would get. gunicorn drops a body sent for ``HEAD`` itself but logs a warning for each
    one, which filled the server log of any site a monitor checks with ``HEAD``.

    Put it first in ``MIDDLEWARE``, so it sees the response last. Streaming responses are left as
    they are (WhiteNoise answers ``HEAD`` for static files without a body already)."""

    def __init__(self, get_response: Callable[[HttpRequest], HttpResponse]) -> None:
        self.get_response = get_response

    def __call__(self, request: HttpRequest) -> HttpResponse:
        response = self.get_response(request)
        if request.method == "HEAD" and not response.streaming and response.content:
            if not response.has_header("Content-Length"):
                response["Content-Length"] = str(len(response.content))
            response.content = b""
        return response
