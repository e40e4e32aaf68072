"""``hookseal.Router`` itself, without a server: which class ``Router(provider)`` is, what
an unrouted kind and a ``None`` answer give, ``otherwise``, and the mistakes it refuses."""

from __future__ import annotations

import json
from typing import Any, List

import pytest

import hookseal
from hookseal.events import salesos
from hookseal.router import ACKNOWLEDGED

BODY = {"id": "evt_1", "type": "deal.won", "created_at": "2026-01-05T10:00:00Z", "data": {"id": "d_1"}}


def verified(scheme: str, payload: Any, secret: str = "whsec_x") -> hookseal.Verified:
    body = json.dumps(payload).encode()
    return hookseal.Verifier(scheme, [secret]).verify(body, hookseal.sign(scheme, secret, body))


def test_router_of_a_provider_is_its_typed_router() -> None:
    router = hookseal.Router("salesos")
    assert type(router) is salesos.Router and isinstance(router, hookseal.Router)
    assert router.provider == "salesos" and router.validate is False
    assert salesos.Router(validate=True).provider == "salesos"
    assert type(hookseal.Router("stripe")) is hookseal.Router  # no schema: the generic router
    assert repr(hookseal.Router("salesos", validate=True)) == "Router('salesos', kinds=0, validate=True)"


def test_unrouted_none_and_otherwise() -> None:
    router = hookseal.Router("salesos")
    seen: List[Any] = []
    router.on("deal.won")(seen.append)  # returns None: acknowledged
    assert router(verified("salesos", BODY)) == ACKNOWLEDGED == {"received": True}
    assert seen == [{"kind": "deal.won", "payload": BODY}]
    lost = {**BODY, "type": "deal.lost"}
    assert router(verified("salesos", lost)) == {"received": True}
    router.otherwise(lambda event: {"other": event["kind"]})
    assert router(verified("salesos", lost)) == {"other": "deal.lost"}
    assert router.kinds() == ("deal.won",)


def test_a_generic_router_routes_any_scheme() -> None:
    router = hookseal.Router("stripe", validate=True)
    router.on("customer.created")(lambda event: event["payload"]["id"])
    assert router(verified("stripe", {"id": "evt_s", "type": "customer.created"})) == "evt_s"


def test_the_mistakes_it_refuses() -> None:
    router = hookseal.Router("salesos")
    router.on("deal.won")(lambda event: None)
    with pytest.raises(ValueError, match="already has a handler"):
        router.on("deal.won")(lambda event: None)
    with pytest.raises(ValueError, match="reached the 'salesos' router"):
        router(verified("salesbooth", {"event": "deal.won"}))
    with pytest.raises(TypeError, match="needs the provider"):
        hookseal.Router()
    with pytest.raises(ValueError, match="routes 'salesos', not 'saleslab'"):
        salesos.Router("saleslab")


def test_validate_raises_invalid_payload_before_the_handler() -> None:
    router = hookseal.Router("salesos", validate=True)
    ran: List[Any] = []
    router.on("deal.won")(ran.append)
    with pytest.raises(hookseal.InvalidPayload, match=r"\$\.data is missing$"):
        router(verified("salesos", {k: v for k, v in BODY.items() if k != "data"}))
    assert ran == []
