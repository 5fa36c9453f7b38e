"""WSGI entry point for serving PartnerScope.

The URL configuration (and with it every view and its libraries: charts, tables, data
packages) is imported here, when the server starts, so that the first person to open a
page does not wait seconds for those imports.
"""

import os
from importlib import import_module

from django.conf import settings
from django.core.wsgi import get_wsgi_application

os.environ.setdefault("DJANGO_SETTINGS_MODULE", "partnerscope.settings.base")
application = get_wsgi_application()
import_module(settings.ROOT_URLCONF)
