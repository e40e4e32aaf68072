"""The same delivery's headers in each shape a framework hands a handler."""

from __future__ import annotations

from typing import Any, Dict


def header_shapes(headers: Dict[str, str]) -> Dict[str, Any]:
    """Werkzeug's `EnvironHeaders` (Flask's `request.headers`), Starlette's `Headers`
    (FastAPI's), Django's `HttpHeaders` (`request.headers`), ASGI's raw pairs, and a dict
    holding only the signature, all built from `headers` (a dict, lowercase names)."""
    import django
    from django.conf import settings
    from starlette.datastructures import Headers
    from werkzeug.datastructures import EnvironHeaders

    if not settings.configured:
        settings.configure()
        django.setup()
    from django.http.request import HttpHeaders

    environ = {}
    for name, value in headers.items():
        key = name.upper().replace("-", "_")
        environ[key if key in ("CONTENT_TYPE", "CONTENT_LENGTH") else "HTTP_" + key] = value
    signature_only = {k: v for k, v in headers.items() if k.endswith("-signature")}
    return {
        "Werkzeug EnvironHeaders (Flask)": EnvironHeaders(environ),
        "Starlette Headers (FastAPI)": Headers(raw=[(k.encode(), v.encode()) for k, v in headers.items()]),
        "Django HttpHeaders": HttpHeaders(environ),
        "ASGI (name, value) pairs": [(k.encode(), v.encode()) for k, v in headers.items()],
        "dict of the signature only": signature_only,
    }
