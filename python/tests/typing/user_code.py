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

# Secrets that retire, mixed with plain ones; the diagnosis of a rejection.
from datetime import datetime, timezone  # noqa: E402

rotating = hookseal.Verifier(
    "salesbooth",
    [
        "whsec_new",
        hookseal.Secret("whsec_old", not_after=datetime(2027, 1, 1, tzinfo=timezone.utc)),
        {"secret": b"whsec_older", "not_after": 1_767_225_600},
        {"secret": "whsec_plain"},
    ],
)
retires: Optional[int] = hookseal.Secret("k", not_after=1.5).not_after
why: hookseal.Explanation = rotating.explain(b"{}", signed, now=1_700_000_000)
ok: bool = why.ok
code: Optional[str] = why.code
findings: list[hookseal.Finding] = why.findings
first: str = findings[0].code if findings else why.message
as_json: Dict[str, object] = why.to_dict()
