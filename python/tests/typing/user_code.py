"""Code as a user writes it; CI type-checks it with mypy --strict against the installed
wheel, so the shipped stubs and py.typed serve a user, not only the package itself."""

from __future__ import annotations

from typing import Dict, Optional

import hookseal

verifier = hookseal.Verifier("salesbooth", ["whsec_new", "whsec_old"], tolerance=300)


def handle(body: bytes, headers: Dict[str, str]) -> Optional[str]:
    try:
        event: hookseal.Verified = verifier.verify(body, headers)
    except hookseal.TimestampTooOld as e:
        status: int = e.status
        return f"{status}"
    except hookseal.VerificationError as e:
        return e.code
    kind: Optional[str] = event.kind
    key: str = event.idempotency_key
    index: int = event.secret_index
    return f"{kind} {key} {index} {event.json()!r}"


signed: Dict[str, str] = hookseal.sign("saleslab", "sl_secret", b"{}")
scheme: Optional[str] = hookseal.detect(signed)
