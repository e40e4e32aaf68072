"""The diagnosis on a rejection (docs/explain.md): off by default in every helper (a
production endpoint must not be a signing oracle), on with ``explain=True`` or
``HOOKSEAL_EXPLAIN=1``, when the rejection's body gains ``"explanation"`` and the error
carries it as ``.explanation``."""


import json
from typing import Any, Dict, Optional

import pytest

import hookseal

pytestmark = pytest.mark.skipif(not hasattr(hookseal.Verifier, "explain"), reason="Verifier.explain not built in")

SECRET = "whsec_explain"
BODY = b'{"event":"deal.created","id":"evt_x"}'
# Signed with another secret: a mismatch, which the diagnosis explains.
HEADERS = hookseal.sign("salesbooth", SECRET + "x", BODY)


def flask_post(explain: Optional[bool]) -> Dict[str, Any]:
    import flask

    from hookseal.flask import verify_webhook

    app = flask.Flask("explain")

    @app.post("/hook")
    @verify_webhook(hookseal.Verifier("salesbooth", [SECRET]), explain=explain)
    def hook() -> Any:
        return {}

    r = app.test_client().post("/hook", data=BODY, headers=HEADERS)
    assert r.status_code == 401
    doc: Dict[str, Any] = r.json
    return doc


def fastapi_post(explain: Optional[bool]) -> Dict[str, Any]:
    from fastapi import Depends, FastAPI, Request
    from fastapi.testclient import TestClient

    from hookseal.fastapi import WebhookRejected, install, webhook

    app = FastAPI()
    install(app)
    seen = []
    dependency = webhook(hookseal.Verifier("salesbooth", [SECRET]), explain=explain)

    async def caught(request: Request) -> Any:
        try:
            return await dependency(request)
        except WebhookRejected as e:
            seen.append(e)
            raise

    @app.post("/hook")
    async def hook(event: hookseal.Verified = Depends(caught)) -> dict:
        return {}

    r = TestClient(app).post("/hook", content=BODY, headers=HEADERS)
    assert r.status_code == 401
    doc: Dict[str, Any] = r.json()
    (error,) = seen
    assert error.explanation == doc.get("explanation")
    assert getattr(error.error, "explanation", None) == doc.get("explanation")
    return doc


@pytest.mark.parametrize("post", [flask_post, fastapi_post], ids=["flask", "fastapi"])
def test_off_by_default_on_when_asked(post: Any, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("HOOKSEAL_EXPLAIN", raising=False)
    plain = post(None)
    assert set(plain) == {"error", "message"} and plain["error"] == "signature_mismatch"
    for explained in (post(True), _with_env(monkeypatch, post)):
        assert explained["error"] == "signature_mismatch"
        explanation = explained["explanation"]
        assert set(explanation) == {"ok", "code", "message", "findings"}
        assert explanation["ok"] is False and explanation["code"] == "signature_mismatch"
        assert all(set(f) == {"code", "message"} for f in explanation["findings"])
        assert SECRET not in json.dumps(explanation)
    # explain=False wins over the environment.
    monkeypatch.setenv("HOOKSEAL_EXPLAIN", "1")
    assert "explanation" not in post(False)


def _with_env(monkeypatch: pytest.MonkeyPatch, post: Any) -> Dict[str, Any]:
    monkeypatch.setenv("HOOKSEAL_EXPLAIN", "1")
    try:
        doc: Dict[str, Any] = post(None)
        return doc
    finally:
        monkeypatch.delenv("HOOKSEAL_EXPLAIN")
