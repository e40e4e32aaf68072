"""The least a webhook receiver needs: no database, no sessions, no templates.

hookseal's decorator exempts its views from CSRF (a webhook carries a signature, not a
CSRF token), so CsrfViewMiddleware can stay for the rest of a project.
"""

import os

DEBUG = False
# Django's own signing key (sessions, CSRF), not a webhook secret.
SECRET_KEY = os.environ.get("DJANGO_SECRET_KEY", "change-me-this-is-not-a-webhook-secret")
ALLOWED_HOSTS = os.environ.get("DJANGO_ALLOWED_HOSTS", "127.0.0.1,localhost").split(",")
ROOT_URLCONF = "receiver.urls"
WSGI_APPLICATION = "receiver.wsgi.application"
INSTALLED_APPS: list = []
MIDDLEWARE = [
    "django.middleware.common.CommonMiddleware",
    "django.middleware.csrf.CsrfViewMiddleware",
]
DATABASES: dict = {}
USE_TZ = True
LOGGING = {
    "version": 1,
    "disable_existing_loggers": False,
    "handlers": {"console": {"class": "logging.StreamHandler"}},
    "loggers": {"receiver": {"handlers": ["console"], "level": "INFO"}},
}
