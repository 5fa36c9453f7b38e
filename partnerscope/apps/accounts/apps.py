from django.apps import AppConfig


class AccountsConfig(AppConfig):
    name = "partnerscope.apps.accounts"
    label = "accounts"
