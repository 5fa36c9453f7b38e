from django.contrib.auth import views as auth_views
from django.urls import path, reverse_lazy

from partnerscope.apps.accounts.forms import (
    GovukAuthenticationForm,
    GovukPasswordResetForm,
    GovukSetPasswordForm,
)

app_name = "accounts"

urlpatterns = [
    path(
        "sign-in/",
        auth_views.LoginView.as_view(
            template_name="accounts/login.html",
            authentication_form=GovukAuthenticationForm,
            redirect_authenticated_user=True,
            extra_context={"page_title": "Sign in"},
        ),
        name="login",
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
