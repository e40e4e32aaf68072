"""Flask, served by gunicorn, one route per variant in one process:

- /none: no verification, ``request.get_data()`` (the raw body), 204
- /verify: ``hookseal.flask.verify_webhook(verifier)``, 204
- /store: ``verify_webhook(verifier, store=MemoryStore())``, 204

    LOAD_SECRET=… gunicorn -b 127.0.0.1:PORT flask_app:app
"""

import os

import flask

import hookseal
from hookseal.flask import verify_webhook
from hookseal.stores import MemoryStore

verifier = hookseal.Verifier("saleslab", [os.environ["LOAD_SECRET"]])
app = flask.Flask(__name__)


@app.post("/none")
def none():
    flask.request.get_data()
    return "", 204


@app.post("/verify")
@verify_webhook(verifier)
def verify():
    return "", 204


@app.post("/store")
@verify_webhook(verifier, store=MemoryStore())
def store():
    return "", 204
