"""The ASGI application (``uvicorn receiver.asgi:application``), where the async views
run on the event loop."""

import os

from django.core.asgi import get_asgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "receiver.settings")
application = get_asgi_application()
