"""The verifier: build once at start-up, call ``verify`` in every request.

``Verifier`` is the native class itself, so that ``verify`` — reading the body, taking
the header values out of a ``dict``, pairs, Werkzeug's (Flask), Starlette's (FastAPI) or
Django's headers object, and verifying — is one call into the core with no Python frame
on the way. Other header shapes go through ``values_of`` (``_headers.py``).

Options (all optional, ``None`` is the scheme's default; an option the scheme does not
take raises ``InvalidOption``): ``tolerance`` (seconds, or ``"off"``), ``max_body``
(bytes, default 1 MiB), ``header`` and ``prefix`` (salescaling, custom), ``encoding``,
``content``, ``timestamp_header``, ``id_header`` (custom). Several secrets while
rotating; ``Verified.secret_index`` says which matched. An entry of ``secrets`` is a
``str`` or ``bytes``, or one that retires: ``Secret(value, not_after=...)`` or
``{"secret": value, "not_after": ...}``, with an aware ``datetime`` or unix seconds; it
verifies while ``now <= not_after`` and is skipped after. ``verifier.explain(body,
headers, now=None)``, in ``verify``'s order, says why a delivery is rejected
(``hookseal._explain``).

>>> from hookseal import Verifier, sign, TimestampTooOld
>>> v = Verifier("salesbooth", ["whsec_new", "whsec_old"], tolerance=300)
>>> headers = sign("salesbooth", "whsec_old", b"{}", timestamp=1700000000)
>>> v.verify(b"{}", headers, now=1700000300).secret_index
1
>>> try:
...     v.verify(b"{}", headers, now=1700000301)
... except TimestampTooOld as e:
...     e.status
400
>>> v.header_names()
('x-salesbooth-signature', 'x-salesbooth-timestamp')
>>> v
Verifier('salesbooth', secrets=[2 redacted], tolerance=300, max_body=1048576)
>>> from hookseal import Secret
>>> rotating = Verifier("salesbooth", ["whsec_new", Secret("whsec_old", not_after=1700000100)])
>>> rotating.verify(b"{}", headers, now=1700000100).secret_index
1
>>> rotating.explain(b"{}", headers, now=1700000101).findings[0].code
'secret_retired'
>>> h = sign("saleslab", "sl_secret", b'{"event_kind":"badge.awarded"}')
>>> Verifier("saleslab", ["sl_secret"]).verify(b'{"event_kind":"badge.awarded"}', h).kind
'badge.awarded'
"""

from __future__ import annotations

from ._native import Verifier

__all__ = ["Verifier"]
