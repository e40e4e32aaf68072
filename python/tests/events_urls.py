"""The URLconf of the Django routers (test_events_router.py sets ROOT_URLCONF to it)."""

from events_apps import django_urlpatterns

urlpatterns = django_urlpatterns()
