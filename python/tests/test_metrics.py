"""Verification metrics (docs/metrics.md) recorded by the helpers into OpenTelemetry,
read back with the SDK's InMemoryMetricReader: one count per delivery by scheme and
outcome, the verify duration, the timestamp skew, the duplicates (processed and in
flight), every name and attribute from the receive contract, and no label carrying a
secret, a signature, a tenant or an id of the request. Without a meter: nothing."""

from __future__ import annotations

import itertools
import json
import sys
import time
from typing import Any, Dict, Iterator, List, Tuple

import pytest
import requests

import hookseal
from hookseal import receive_contract
from hookseal._metrics import recorder
from hookseal._pipeline import Receiver
from hookseal.stores import MemoryStore
from servers import asgi_server, wsgi_server

metrics_sdk = pytest.importorskip("opentelemetry.sdk.metrics")
from opentelemetry.sdk.metrics.export import InMemoryMetricReader  # noqa: E402

CONTRACT = receive_contract()["metrics"]
NAMES = {key: row["name"] for key, row in CONTRACT["instruments"].items()}
ATTRS = CONTRACT["attributes"]
SECRET = "whsec_metrics"
_n = itertools.count()


def delivery(secret: str = SECRET, behind: int = 0) -> Tuple[bytes, Dict[str, str]]:
    body = json.dumps({"event": "deal.created", "id": f"evt_m_{next(_n)}", "tenant_id": "t_body"}).encode()
    return body, hookseal.sign("salesbooth", secret, body, timestamp=int(time.time()) - behind)


def flask_app(meter: Any, store: MemoryStore) -> Any:
    import flask

    from hookseal.flask import verify_webhook

    app = flask.Flask("hookseal-metrics")

    @app.post("/hooks/<tenant>")
    @verify_webhook(
        "salesbooth",
        tenant=lambda r: r.view_args["tenant"],
        secrets=lambda t: [SECRET] if t == "acme" else None,
        store=store,
        meter=meter,
    )
    def hook(tenant: str) -> Any:
        return {"ok": True}

    return app


def fastapi_app(meter: Any, store: MemoryStore) -> Any:
    from fastapi import Depends, FastAPI

    from hookseal.fastapi import install, webhook

    app = FastAPI()
    install(app)

    async def load(tenant: str) -> Any:
        return [SECRET] if tenant == "acme" else None

    dependency = webhook(
        "salesbooth", tenant=lambda r: r.path_params["tenant"], secrets=load, store=store, meter=meter
    )

    @app.post("/hooks/{tenant}")
    async def hook(event: hookseal.Verified = Depends(dependency)) -> dict:
        return {"ok": True}

    return app


def starlette_app(meter: Any, store: MemoryStore) -> Any:
    from starlette.applications import Starlette
    from starlette.responses import JSONResponse
    from starlette.routing import Route

    from hookseal.starlette import verify_webhook

    @verify_webhook(
        "salesbooth",
        tenant=lambda r: r.path_params["tenant"],
        secrets=lambda t: [SECRET] if t == "acme" else None,
        store=store,
        meter=meter,
    )
    async def hook(request: Any) -> Any:
        return JSONResponse({"ok": True})

    return Starlette(routes=[Route("/hooks/{tenant}", hook, methods=["POST"])])


APPS = {
    "flask": lambda m, s: wsgi_server(flask_app(m, s)),
    "fastapi": lambda m, s: asgi_server(fastapi_app(m, s)),
    "starlette": lambda m, s: asgi_server(starlette_app(m, s)),
}


class Served:
    def __init__(self, base: str, reader: InMemoryMetricReader, store: MemoryStore) -> None:
        self.base, self.reader, self.store = base, reader, store

    def post(self, tenant: str, body: bytes, headers: Dict[str, str]) -> int:
        return requests.post(f"{self.base}/hooks/{tenant}", data=body, headers=headers, timeout=10).status_code

    def points(self) -> Dict[str, List[Tuple[Dict[str, Any], Any]]]:
        """Instrument name -> [(attributes, point)] of everything recorded so far."""
        out: Dict[str, List[Tuple[Dict[str, Any], Any]]] = {}
        data = self.reader.get_metrics_data()
        for resource in data.resource_metrics if data else []:
            for scope in resource.scope_metrics:
                assert scope.scope.name == CONTRACT["meter"]
                for metric in scope.metrics:
                    out.setdefault(metric.name, []).extend((dict(p.attributes), p) for p in metric.data.data_points)
        return out


@pytest.fixture(scope="module", params=list(APPS))
def served(request: pytest.FixtureRequest) -> Iterator[Served]:
    reader = InMemoryMetricReader()
    provider = metrics_sdk.MeterProvider(metric_readers=[reader])
    store = MemoryStore()
    with APPS[request.param](provider, store) as base:
        yield Served(base, reader, store)
    provider.shutdown()


def counts(points: List[Tuple[Dict[str, Any], Any]]) -> Dict[Tuple[Any, ...], int]:
    return {tuple(sorted(a.items())): p.value for a, p in points}


def test_outcomes_skew_duration_and_duplicates(served: Served) -> None:
    body, headers = delivery(behind=30)
    assert served.post("acme", body, headers) == 200
    assert served.post("acme", body, headers) == 200  # a duplicate
    assert served.post("acme", *delivery("whsec_wrong")) == 401
    assert served.post("acme", b"{}", {}) == 400
    assert served.post("initech", *delivery()) == 404
    # A retry while another attempt holds the claim: in flight.
    body, headers = delivery()
    key = f"salesbooth/acme:{json.loads(body)['id']}"
    assert served.store.claim(key).outcome == "first"
    assert served.post("acme", body, headers) == 503

    points = served.points()
    assert set(points) <= set(NAMES.values())
    scheme, outcome = ATTRS["scheme"], ATTRS["outcome"]
    verifications = counts(points[NAMES["verifications"]])

    def n(o: str) -> int:
        return verifications.get(((outcome, o), (scheme, "salesbooth")), 0)

    assert (n("ok"), n("signature_mismatch"), n("missing_signature"), n("unknown_tenant")) == (3, 1, 1, 1)
    durations = {a[outcome]: p.count for a, p in points[NAMES["duration"]]}
    # Timed only where the verify step ran (not for the unknown tenant).
    assert durations == {"ok": 3, "signature_mismatch": 1, "missing_signature": 1}
    (skew_attrs, skew), = points[NAMES["skew"]]
    assert skew_attrs == {scheme: "salesbooth"} and skew.count == 3 and skew.max >= 29
    duplicates = counts(points[NAMES["duplicates"]])
    dup = ATTRS["duplicate"]
    assert duplicates == {
        ((dup, "processed"), (scheme, "salesbooth")): 1,
        ((dup, "in_flight"), (scheme, "salesbooth")): 1,
    }
    # Labels: only the contract's attribute names, and nothing from the request.
    for recorded in points.values():
        for attrs, _ in recorded:
            assert set(attrs) <= set(ATTRS.values())
            text = json.dumps(attrs)
            for leak in (SECRET, "whsec_wrong", "acme", "initech", "evt_m_", "t_body", "v1="):
                assert leak not in text


def test_no_meter_means_no_recorder(monkeypatch: pytest.MonkeyPatch) -> None:
    # No global provider set in this process: nothing to record into, checked once.
    receiver = Receiver(hookseal.Verifier("saleslab", ["s"]))
    assert receiver.metrics is None
    # Without opentelemetry-api installed at all.
    monkeypatch.setitem(sys.modules, "opentelemetry", None)
    assert recorder(None) is None
