"""The URLconf of the Django test servers (ROOT_URLCONF in servers.django_app): a sync
view, and an async one for the ASGI server."""

from django.http import JsonResponse
from django.urls import path

from hookseal.django import verify_webhook
from servers import ASYNC_PREFIX, ROUTE, answer, make_verifier


@verify_webhook(make_verifier())
def salesbooth(request):  # type: ignore[no-untyped-def]
    return JsonResponse(answer(request.webhook))


@verify_webhook(make_verifier())
async def salesbooth_async(request):  # type: ignore[no-untyped-def]
    return JsonResponse(answer(request.webhook))


urlpatterns = [
    path(ROUTE.lstrip("/"), salesbooth),
    path(ASYNC_PREFIX.lstrip("/") + ROUTE, salesbooth_async),
]

# Per-tenant secrets (tests/test_tenants.py): POST hooks/<tenant>, sync and async.
from tenant_apps import DIRECTORY, django_views  # noqa: E402

_hook, _hook_async = django_views(DIRECTORY)
urlpatterns += [
    path("hooks/<str:tenant>", _hook),
    path(ASYNC_PREFIX.lstrip("/") + "/hooks/<str:tenant>", _hook_async),
]
