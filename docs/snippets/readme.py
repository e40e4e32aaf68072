"""README.md, "Python": the snippet inside a Flask view, sent a genuine and a tampered
delivery through Flask's test client."""

import os

import flask

import hookseal

os.environ.setdefault("SALESLAB_SECRET", "sl_readme_demo")
app = flask.Flask(__name__)


@app.post("/hooks/saleslab")
def saleslab():
    request = flask.request
    try:
        # --- README.md
        import hookseal

        verifier = hookseal.Verifier("saleslab", [os.environ["SALESLAB_SECRET"]])
        event = verifier.verify(request.get_data(), request.headers)   # raises hookseal.SignatureMismatch, ...
        print(event.kind, event.event_id, event.idempotency_key)
        # --- end
    except hookseal.VerificationError as e:
        return {"error": e.code}, e.status
    return "", 204


body = b'{"event_kind":"badge.awarded","delivery_id":"d_1"}'
headers = hookseal.sign("saleslab", os.environ["SALESLAB_SECRET"], body)
client = app.test_client()
assert client.post("/hooks/saleslab", data=body, headers=headers).status_code == 204
tampered = client.post("/hooks/saleslab", data=body + b" ", headers=headers)
assert tampered.status_code == 401, tampered.status_code
assert tampered.json == {"error": "signature_mismatch"}
print("README.md Python snippet: ok")
