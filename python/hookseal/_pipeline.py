"""What every framework helper does around ``verify``, written once: pick the verifier
(the fixed one, or the tenant's, docs/tenants.md), verify, record the metrics
(docs/metrics.md), and, only when asked, attach the diagnosis to a rejection
(docs/explain.md). Each helper reads the body and answers in its framework's way.

>>> import hookseal
>>> rx = Receiver(hookseal.Verifier("saleslab", ["sl_secret"]), explain=True)
>>> picked = rx.pick(None)
>>> try:
...     rx.verify(picked[0], b"{}", {"X-SalesLab-Signature": "sha256=" + "0" * 64})
... except hookseal.SignatureMismatch as e:
...     answer = rx.answer(e)
>>> answer.status, b'"explanation":' in answer.body
(401, True)
"""

from __future__ import annotations

import json
import os
import time
from typing import Any, Callable, Dict, Mapping, Optional, Tuple, TypeVar, Union

from ._metrics import Recorder, recorder
from ._native import Verified
from ._receive import DUPLICATE_BODY, Answer, rejection
from ._tenants import Tenants
from ._verifier import Verifier
from .errors import ReceiveError, VerificationError

T = TypeVar("T")
#: A picked verifier and the tenant it belongs to (``None`` without tenants).
Picked = Tuple[Verifier, Optional[str]]

_UNSET: Any = object()
_IN_FLIGHT = b'{"error":"delivery_in_progress"'
_DUPLICATE = json.dumps(DUPLICATE_BODY, separators=(",", ":")).encode()


def explain_env() -> bool:
    """Whether ``HOOKSEAL_EXPLAIN=1`` is set (read when a helper is built)."""
    return os.environ.get("HOOKSEAL_EXPLAIN") == "1"


def explanation_of(verifier: Verifier, body: bytes, headers: Any) -> Optional[Dict[str, Any]]:
    """``verifier.explain(body, headers)`` as the JSON a rejection carries:
    ``{"ok", "code", "message", "findings": [{"code", "message"}]}``."""
    explain = getattr(verifier, "explain", None)
    if explain is None:
        return None
    found = explain(body, headers)
    findings = [{"code": f.code, "message": f.message} for f in getattr(found, "findings", ())]
    return {"ok": bool(found.ok), "code": found.code, "message": found.message, "findings": findings}


class Receiver:
    """One helper's verification step, built once when the helper is.

    ``verifier`` is a ``Verifier``, or the scheme id when ``secrets`` are given: a list
    (one verifier), or with ``tenant`` a function of the tenant (one verifier per tenant,
    ``hookseal._tenants``). ``options`` are the ``Verifier`` options then. ``explain``
    (default: ``HOOKSEAL_EXPLAIN=1``) adds the diagnosis to rejections. ``meter`` is an
    OpenTelemetry ``Meter`` or ``MeterProvider``; by default the global provider's, found
    at the first delivery (no metrics, and no cost, when there is none)."""

    def __init__(
        self,
        verifier: Union[Verifier, str],
        *,
        tenant: Optional[Callable[[Any], Any]] = None,
        secrets: Any = None,
        tenant_cache: Optional[Mapping[str, Any]] = None,
        options: Optional[Mapping[str, Any]] = None,
        explain: Optional[bool] = None,
        meter: Any = None,
    ) -> None:
        self.tenants: Optional[Tenants] = None
        self.fixed: Optional[Verifier] = None
        self.tenant = tenant
        if isinstance(verifier, str):
            if tenant is not None:
                self.tenants = Tenants(verifier, secrets, options or {}, tenant_cache)
            elif secrets is None or callable(secrets):
                raise TypeError("secrets as a function needs tenant= (which tenant a request is for)")
            else:
                self.fixed = Verifier(verifier, secrets, **dict(options or {}))
            self.scheme = verifier
        else:
            if tenant is not None or secrets is not None or options:
                raise TypeError("with tenant= and secrets=, pass the scheme id, not a Verifier")
            self.fixed = verifier
            self.scheme = verifier.scheme
        self.explain = explain_env() if explain is None else bool(explain)
        self._meter = meter
        self._metrics: Optional[Recorder] = recorder(meter) if meter is not None else _UNSET

    @property
    def metrics(self) -> Optional[Recorder]:
        """The recorder, found once (at the first delivery when no ``meter`` was given)."""
        found = self._metrics
        if found is _UNSET:
            found = self._metrics = recorder(None)
        return found

    # --- picking the verifier

    def _tenant_of(self, request: Any) -> Optional[str]:
        assert self.tenant is not None
        name = self.tenant(request)
        if name is None or isinstance(name, str):
            return name or None
        raise TypeError(f"tenant= returns the tenant's name as a str (or None), not {type(name).__name__}")

    def pick(self, request: Any) -> Union[Picked, Answer]:
        """The verifier for ``request`` and its tenant, or the answer that rejects it."""
        if self.fixed is not None:
            return self.fixed, None
        assert self.tenants is not None
        name = self._tenant_of(request)
        if name is None:
            return self.reject("unknown_tenant")
        found = self.tenants.resolve(name)
        if isinstance(found, Answer):
            return self._rejected(found)
        return found, name

    async def pick_async(self, request: Any) -> Union[Picked, Answer]:
        """``pick`` for an async helper (``secrets`` may be a coroutine function)."""
        if self.fixed is not None:
            return self.fixed, None
        assert self.tenants is not None
        name = self._tenant_of(request)
        if name is None:
            return self.reject("unknown_tenant")
        found = await self.tenants.resolve_async(name)
        if isinstance(found, Answer):
            return self._rejected(found)
        return found, name

    # --- verifying

    def verify(self, verifier: Verifier, body: bytes, headers: Any) -> Verified:
        """``verifier.verify(body, headers)``, recorded. A ``VerificationError`` raised
        carries ``.explanation`` (the diagnosis, when explaining, else ``None``)."""
        metrics = self.metrics
        if metrics is None:
            try:
                return verifier.verify(body, headers)
            except VerificationError as e:
                _explained(e, verifier, headers, body, self.explain)
                raise
        start = time.perf_counter()
        try:
            verified = verifier.verify(body, headers)
        except VerificationError as e:
            metrics.answered(self.scheme, e.code, time.perf_counter() - start)
            _explained(e, verifier, headers, body, self.explain)
            raise
        metrics.answered(self.scheme, "ok", time.perf_counter() - start)
        timestamp = verified.timestamp
        if timestamp is not None:
            metrics.skew(self.scheme, timestamp)
        return verified

    def answer(self, error: ReceiveError) -> Answer:
        """The answer of a rejected delivery; with its ``explanation`` when it has one."""
        return rejection(error.code, error.message, explanation=getattr(error, "explanation", None))

    # --- answers without a verification

    def reject(self, code: str, message: Optional[str] = None) -> Answer:
        """The answer for an edge ``code`` (``unreadable_body``, ``unknown_tenant``, ...),
        counted as the delivery's outcome."""
        return self._rejected(rejection(code, message))

    def _rejected(self, answer: Answer) -> Answer:
        metrics = self.metrics
        if metrics is not None:
            metrics.answered(self.scheme, _code_of(answer))
        return answer

    def claimed(self, respond: Callable[[Answer], T]) -> Callable[[Answer], T]:
        """``respond`` for the answers of a claim (a duplicate, an in-flight retry, a
        store outage): records the duplicates first. Without metrics, ``respond``."""
        metrics = self.metrics
        if metrics is None:
            return respond
        scheme = self.scheme

        def recorded(answer: Answer) -> T:
            kind = duplicate_kind(answer)
            if kind is not None:
                metrics.duplicate(scheme, kind)
            return respond(answer)

        return recorded



def duplicate_kind(answer: Answer) -> Optional[str]:
    """``"processed"`` for a completed duplicate, ``"in_flight"`` for a retry while the
    first attempt runs, ``None`` for any other answer."""
    if answer.body == _DUPLICATE:
        return "processed"
    if answer.body.startswith(_IN_FLIGHT):
        return "in_flight"
    return None


def _explained(error: VerificationError, verifier: Verifier, headers: Any, body: bytes, explain: bool) -> None:
    # The error a helper raises or hands on carries the diagnosis as `.explanation`.
    setattr(error, "explanation", explanation_of(verifier, body, headers) if explain else None)


def _code_of(answer: Answer) -> str:
    code = json.loads(answer.body).get("error")
    return str(code) if code else "ok"
