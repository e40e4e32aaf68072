"""Typed events as a user writes them; CI type-checks this with mypy --strict against the
installed wheel. The router gives each handler its kind's type, and a handler of the
wrong type is an error (the ``type: ignore`` comments below must be needed: mypy --strict
warns about an unused one)."""

from __future__ import annotations

from typing import Any, Dict, Optional

from typing_extensions import assert_type

import hookseal
from hookseal.events import GenericEvent, Event, salesbooth, salescaling, saleslab, salesos

router = hookseal.Router("salesos", validate=True)
assert_type(router, salesos.Router)


@router.on("deal.won")
def won(event: salesos.SalesOSDealWonEvent) -> Dict[str, Any]:
    deal: salesos.SalesOSDeal = event["payload"]["data"]
    value: Optional[float] = deal.get("value")
    return {"deal": deal.get("id"), "value": value}


# Any handler that takes the kind's event, or more, will do.
@router.on("deal.lost")
def lost(event: salesos.Event) -> None:
    kind: str = event["kind"]


@router.on("lead.created")  # type: ignore[arg-type]
def wrong(event: salesos.SalesOSDealWonEvent) -> None:
    """Registered for lead.created but typed for deal.won: mypy refuses it."""


@router.on("deal.created")
def typo(event: salesos.SalesOSDealCreatedEvent) -> None:
    event["payload"]["data"]["amount"]  # type: ignore[typeddict-item]


@router.on("kind.added_later")
def later(event: GenericEvent) -> None:
    kind: Optional[str] = event["kind"]


@router.otherwise
def rest(event: GenericEvent) -> None:
    pass


booth = hookseal.Router("salesbooth")
assert_type(booth, salesbooth.Router)


@booth.on("deal.created")
def booth_created(event: salesbooth.SalesboothDealCreatedEvent) -> None:
    total: Optional[float] = event["payload"]["data"].get("total")
    tenant: str = event["payload"]["tenant_id"]


lab = hookseal.Router("saleslab")


@lab.on("badge.awarded")
def badge(event: saleslab.SalesLabBadgeAwardedEvent) -> None:
    delivery: str = event["payload"]["delivery_id"]


scaling = hookseal.Router("salescaling")


@scaling.on("commercial_signal_detected")
def signal(event: salescaling.SalescalingCommercialSignalDetectedEvent) -> None:
    code = event["payload"].get("code")
    if code == "buying_intent":
        pass


verifier = hookseal.Verifier("salesos", ["whsec_x"])


def handle(body: bytes, headers: Dict[str, str]) -> Any:
    verified = verifier.verify(body, headers)
    event = verified.event(validate=True)
    assert_type(event, Event)
    if event["kind"] == "deal.won":
        # Every provider's deal.won, or the generic form of an unlisted kind.
        payload = event["payload"]
        return payload
    return router(verified)
