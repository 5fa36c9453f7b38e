from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from partnerscope.apps.accounts import sign_in_views
from partnerscope.apps.accounts.forms import GovukPasswordResetForm, GovukSetPasswordForm

app_name = "accounts"

urlpatterns = [
    path("", sign_in_views.account, name="account"),
    path("sign-in/", sign_in_views.SignInView.as_view(), name="login"),
    path("sign-in/code/", sign_in_views.two_factor_step, name="two_factor"),
    path("sign-in/organisation/", sign_in_views.SingleSignOnStart.as_view(), name="sso_start"),
    path(
        "sign-in/organisation/callback/",
        sign_in_views.SingleSignOnCallback.as_view(),
        name="sso_callback",
    ),
    path("two-factor/app/", sign_in_views.app_setup, name="app_setup"),
    path("two-factor/backup-codes/", sign_in_views.backup_codes, name="backup_codes"),
    path("two-factor/off/", sign_in_views.turn_off, name="two_factor_off"),
    path(
        "two-factor/passkeys/<int:pk>/remove/",
        sign_in_views.passkey_remove,
        name="passkey_remove",
    ),
    path("sign-out/", auth_views.LogoutView.as_view(), name="logout"),
    path(
        "password-reset/",
        auth_views.PasswordResetView.as_view(
            template_name="accounts/password_reset.html",
            form_class=GovukPasswordResetForm,
            email_template_name="accounts/password_reset_email.txt",
            subject_template_name="accounts/password_reset_subject.txt",
            success_url=reverse_lazy("accounts:password_reset_done"),
            extra_context={"page_title": "Reset your password"},
        ),
        name="password_reset",
    ),
    path(
        "password-reset/sent/",
        auth_views.PasswordResetDoneView.as_view(
            template_name="accounts/password_reset_done.html",
            extra_context={"page_title": "Check your e-mail"},
        ),
        name="password_reset_done",
    ),
    path(
        "password-reset/<uidb64>/<token>/",
        auth_views.PasswordResetConfirmView.as_view(
            template_name="accounts/password_reset_confirm.html",
            form_class=GovukSetPasswordForm,
            success_url=reverse_lazy("accounts:password_reset_complete"),
            extra_context={"page_title": "Choose a new password"},
        ),
        name="password_reset_confirm",
    ),
    path(
        "password-reset/complete/",
        auth_views.PasswordResetCompleteView.as_view(
            template_name="accounts/password_reset_complete.html",
            extra_context={"page_title": "Password changed"},
        ),
        name="password_reset_complete",
    ),
]
