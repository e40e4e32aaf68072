"""The WSGI application (``python manage.py runserver``, gunicorn)."""

import os

from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "receiver.settings")
application = get_wsgi_application()
