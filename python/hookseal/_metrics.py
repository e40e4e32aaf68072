"""Verification metrics through OpenTelemetry's API (``hookseal[otel]``), as the core's
receive contract names them (``metrics``: the meter, the instruments, the attributes).

The helpers record, per delivery: ``verifications`` {scheme, outcome} (``ok`` or the
code answered), ``duration`` {scheme, outcome} (seconds of the verify step), ``skew``
{scheme} (now minus the signed timestamp, seconds; positive is behind) when a delivery
carried one, and ``duplicates`` {scheme, duplicate} (``processed`` or ``in_flight``) on a
de-duplication hit. Attributes never carry a secret, a signature, a tenant or an id read
from the request (docs/metrics.md).

Nothing is imported or allocated per request when there is nothing to record into:
``recorder(None)`` is ``None`` without ``opentelemetry-api`` installed, or while no meter
provider is set, and a helper then skips every metric call.

>>> recorder(None) is None or isinstance(recorder(None), Recorder)
True
"""

from __future__ import annotations

import time
from typing import Any, Dict, Optional, Tuple

from ._receive import receive_contract

_METRICS: Dict[str, Any] = receive_contract()["metrics"]
#: The meter name the helpers ask a meter provider for.
METER_NAME: str = _METRICS["meter"]
#: Instrument key -> (name, kind, unit), from the contract.
INSTRUMENTS: Dict[str, Tuple[str, str, str]] = {
    key: (row["name"], row["kind"], row["unit"]) for key, row in _METRICS["instruments"].items()
}
#: Attribute key -> attribute name, from the contract.
ATTRIBUTES: Dict[str, str] = dict(_METRICS["attributes"])

_SCHEME = ATTRIBUTES["scheme"]
_OUTCOME = ATTRIBUTES["outcome"]
_DUPLICATE = ATTRIBUTES["duplicate"]
_DESCRIPTIONS = {
    "verifications": "Webhook deliveries answered by a hookseal helper, by scheme and outcome",
    "skew": "Seconds between now and a delivery's signed timestamp (positive: the delivery is behind)",
    "duplicates": "Verified deliveries answered as duplicates, completed or still in flight",
    "duration": "Seconds spent verifying a delivery",
}


def _meter(meter: Any) -> Any:
    """The meter to record into: ``meter`` itself, a provider's meter when ``meter`` is a
    ``MeterProvider``, or the global provider's when it is ``None`` (then ``None`` when
    ``opentelemetry-api`` is not installed or no provider has been set)."""
    if meter is not None:
        if hasattr(meter, "get_meter") and not hasattr(meter, "create_counter"):
            return meter.get_meter(METER_NAME, _version())
        return meter
    try:
        from opentelemetry import metrics
    except ImportError:
        return None
    provider = metrics.get_meter_provider()
    # Until an app sets one, the API hands out a proxy that records nothing; the
    # no-op provider records nothing either. Neither is worth a call per request.
    if type(provider).__name__ in ("_ProxyMeterProvider", "NoOpMeterProvider"):
        return None
    return provider.get_meter(METER_NAME, _version())


def _version() -> str:
    from . import _native

    return str(_native.__version__)


class Recorder:
    """The four instruments of one meter, with each attribute set built once and reused."""

    def __init__(self, meter: Any) -> None:
        made = {}
        for key, (name, kind, unit) in INSTRUMENTS.items():
            create = meter.create_counter if kind == "counter" else meter.create_histogram
            made[key] = create(name, unit=unit, description=_DESCRIPTIONS.get(key, ""))
        self._verifications = made["verifications"]
        self._skew = made["skew"]
        self._duplicates = made["duplicates"]
        self._duration = made["duration"]
        self._outcomes: Dict[Tuple[str, str], Dict[str, str]] = {}
        self._schemes: Dict[str, Dict[str, str]] = {}
        self._dupes: Dict[Tuple[str, str], Dict[str, str]] = {}

    def _outcome(self, scheme: str, outcome: str) -> Dict[str, str]:
        attrs = self._outcomes.get((scheme, outcome))
        if attrs is None:
            # Outcomes are `ok` or a code of the contract's reply table: a bounded set.
            attrs = self._outcomes[(scheme, outcome)] = {_SCHEME: scheme, _OUTCOME: outcome}
        return attrs

    def answered(self, scheme: str, outcome: str, seconds: Optional[float] = None) -> None:
        """One delivery answered with ``outcome``; ``seconds`` of verify step when it ran."""
        attrs = self._outcome(scheme, outcome)
        self._verifications.add(1, attrs)
        if seconds is not None:
            self._duration.record(seconds, attrs)

    def skew(self, scheme: str, timestamp: int) -> None:
        """How far behind (positive) or ahead the signed ``timestamp`` is, in seconds."""
        attrs = self._schemes.get(scheme)
        if attrs is None:
            attrs = self._schemes[scheme] = {_SCHEME: scheme}
        self._skew.record(time.time() - timestamp, attrs)

    def duplicate(self, scheme: str, kind: str) -> None:
        """A de-duplication hit: ``processed`` (completed before) or ``in_flight``."""
        attrs = self._dupes.get((scheme, kind))
        if attrs is None:
            attrs = self._dupes[(scheme, kind)] = {_SCHEME: scheme, _DUPLICATE: kind}
        self._duplicates.add(1, attrs)


def recorder(meter: Any = None) -> Optional[Recorder]:
    """The recorder of ``meter`` (a ``Meter``, a ``MeterProvider``, or ``None`` for the
    global provider); ``None`` when there is nothing to record into."""
    found = _meter(meter)
    return None if found is None else Recorder(found)
