"""The core's scheme table (``hookseal::SCHEMES``): every fact about a scheme, read from
the core rather than re-spelled here.

>>> rows = {row["id"]: row for row in schemes()}
>>> rows["stripe"]["signature_header"], rows["stripe"]["timestamped"]
('stripe-signature', True)
>>> rows["salesbooth"]["layout"]
{'kind': 'prefixed', 'prefix': 'v1='}
"""

from __future__ import annotations

import json
from typing import Any, Dict, List

from . import _native


def schemes() -> List[Dict[str, Any]]:
    """The scheme table as a list of dicts, one per scheme in the core's order (a fresh
    copy on each call): ``id``, ``provider``, ``signature_header``, ``layout``,
    ``content``, ``timestamped``, the timestamp, id, kind and delivery headers, the
    envelope fields and the ``options`` the scheme takes."""
    rows: List[Dict[str, Any]] = json.loads(_native.schemes_json())
    return rows
