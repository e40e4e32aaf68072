"""One path per provider: ``/saleslab``, ``/salesos``, ``/salesbooth``, ``/salescaling``."""

from django.urls import path

from . import views

urlpatterns = [path(name, view) for name, view in views.VIEWS.items()]
