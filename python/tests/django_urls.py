"""The URLconf of the Django test server (ROOT_URLCONF in servers.django_app)."""

from django.http import JsonResponse
from django.urls import path

from hookseal.django import verify_webhook
from servers import ROUTE, answer, make_verifier


@verify_webhook(make_verifier())
def salesbooth(request):  # type: ignore[no-untyped-def]
    return JsonResponse(answer(request.webhook))


urlpatterns = [path(ROUTE.lstrip("/"), salesbooth)]
