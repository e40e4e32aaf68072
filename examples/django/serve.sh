#!/usr/bin/env bash
# Runs the receiver on 127.0.0.1:$PORT (3000 by default): `serve.sh` with Django's
# runserver (WSGI), `serve.sh asgi` with uvicorn (ASGI: the async views on the event loop).
# One process: the memory store's claims live in it.
set -euo pipefail
cd "$(dirname "$0")"
port="${PORT:-3000}"
case "${1:-wsgi}" in
  wsgi) exec python manage.py runserver "127.0.0.1:$port" --noreload ;;
  asgi) exec python -m uvicorn receiver.asgi:application --host 127.0.0.1 --port "$port" --lifespan off ;;
  *) echo "usage: serve.sh [wsgi|asgi]" >&2; exit 2 ;;
esac
