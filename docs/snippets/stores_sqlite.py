"""docs/stores.md, "Python, Flask: several processes on one machine sharing a SQLite
file": the snippet's app, sent one delivery twice; the second is a duplicate."""

import os
import tempfile

os.chdir(tempfile.mkdtemp())  # where the snippet's hookseal.db is made
os.environ.setdefault("SALESLAB_SECRET", "sl_stores_demo")

# --- docs/stores.md
# Python, Flask: several processes on one machine sharing a SQLite file
import os
import flask, hookseal
from hookseal.flask import verify_webhook
from hookseal.stores import SqliteStore

app = flask.Flask(__name__)
verifier = hookseal.Verifier("saleslab", [os.environ["SALESLAB_SECRET"]])

@app.post("/hooks/saleslab")
@verify_webhook(verifier, store=SqliteStore("hookseal.db"))
def saleslab():
    return "", 204
# --- end

body = b'{"event_kind":"badge.awarded","delivery_id":"d_stores"}'
headers = hookseal.sign("saleslab", os.environ["SALESLAB_SECRET"], body)
client = app.test_client()
assert client.post("/hooks/saleslab", data=body, headers=headers).status_code == 204
again = client.post("/hooks/saleslab", data=body, headers=headers)
assert again.status_code == 200 and again.json == {"duplicate": True}, (again.status_code, again.data)
print("docs/stores.md Python snippet: ok")
