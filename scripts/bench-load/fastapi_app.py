"""FastAPI, served by uvicorn, one route per variant in one process:

- /none: no verification, ``await request.body()``, 204
- /verify: the ``hookseal.fastapi.webhook(verifier)`` dependency, 204
- /store: ``webhook(verifier, store=MemoryStore())``, 204

    LOAD_SECRET=… uvicorn --host 127.0.0.1 --port PORT fastapi_app:app
"""

import os

from fastapi import Depends, FastAPI, Request, Response

import hookseal
from hookseal.fastapi import install, webhook
from hookseal.stores import MemoryStore

verifier = hookseal.Verifier("saleslab", [os.environ["LOAD_SECRET"]])
app = FastAPI()
install(app)


@app.post("/none")
async def none(request: Request) -> Response:
    await request.body()
    return Response(status_code=204)


@app.post("/verify")
async def verify(event: hookseal.Verified = Depends(webhook(verifier))) -> Response:
    return Response(status_code=204)


@app.post("/store")
async def store(event: hookseal.Verified = Depends(webhook(verifier, store=MemoryStore()))) -> Response:
    return Response(status_code=204)
