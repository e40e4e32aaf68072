"""Django in one module (settings, URLs, views), served by gunicorn as WSGI, one route
per variant in one process:

- /none: no verification, ``request.body``, 204
- /verify: ``hookseal.django.verify_webhook(verifier)``, 204
- /store: ``verify_webhook(verifier, store=MemoryStore())``, 204

    LOAD_SECRET=… gunicorn -b 127.0.0.1:PORT django_app:application
"""

import os

import django
from django.conf import settings

settings.configure(
    DEBUG=False,
    ALLOWED_HOSTS=["127.0.0.1"],
    ROOT_URLCONF=__name__,
    SECRET_KEY="load-test-only",
    # The default middleware minus CSRF (the helper exempts its views anyway) and
    # sessions/auth/messages, which a webhook route does not use.
    MIDDLEWARE=["django.middleware.security.SecurityMiddleware", "django.middleware.common.CommonMiddleware"],
    DATA_UPLOAD_MAX_MEMORY_SIZE=2 * 1024 * 1024,
)
django.setup()

from django.core.wsgi import get_wsgi_application  # noqa: E402  (after settings)
from django.http import HttpResponse  # noqa: E402
from django.urls import path  # noqa: E402
from django.views.decorators.csrf import csrf_exempt  # noqa: E402

import hookseal  # noqa: E402
from hookseal.django import verify_webhook  # noqa: E402
from hookseal.stores import MemoryStore  # noqa: E402

verifier = hookseal.Verifier("saleslab", [os.environ["LOAD_SECRET"]])


@csrf_exempt
def none(request):
    request.body
    return HttpResponse(status=204)


@verify_webhook(verifier)
def verify(request):
    return HttpResponse(status=204)


@verify_webhook(verifier, store=MemoryStore())
def store(request):
    return HttpResponse(status=204)


urlpatterns = [path("none", none), path("verify", verify), path("store", store)]
application = get_wsgi_application()
