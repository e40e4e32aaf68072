"""What users paste today: the verification snippets of the providers' own
documentation, kept as the documents write them, as functions to time."""

from __future__ import annotations

import hashlib
import hmac
import time
from typing import Mapping


def saleslab_snippet(secret: bytes, body: bytes, headers: Mapping[str, str]) -> bool:
    """SalesLab's Python snippet (seed 000): HMAC of the body, compare_digest."""
    header = headers.get("x-saleslab-signature", "")
    sig = header.removeprefix("sha256=")
    expected = hmac.new(secret, body, hashlib.sha256).hexdigest()
    return hmac.compare_digest(sig, expected)


def salesbooth_snippet(secret: str, body: bytes, headers: Mapping[str, str]) -> bool:
    """Salesbooth's Python snippet (seed 003): tolerance check, then HMAC of
    `ts.body` with the body decoded as UTF-8 (one of its defects), compare_digest."""
    sig = headers.get("x-salesbooth-signature", "")
    ts = headers.get("x-salesbooth-timestamp", "")
    ts_int = int(ts)
    if abs(int(time.time()) - ts_int) > 300:
        return False
    signed_content = f"{ts}.{body.decode('utf-8')}"
    expected = "v1=" + hmac.new(
        secret.encode("utf-8"), signed_content.encode("utf-8"), hashlib.sha256
    ).hexdigest()
    return hmac.compare_digest(sig, expected)
