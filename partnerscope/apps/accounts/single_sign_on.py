"""Single sign-on with the organisation's OpenID Connect provider, matched by verified e-mail.

Off until an issuer and client ID are configured. The provider vouches for who someone is;
PartnerScope still decides what they may see: a sign-in only ever reaches an account that
already exists with the same e-mail address, and it never creates accounts or roles. An
address the provider has not verified is refused, because on a multi-tenant provider anyone
can type any address into their own profile.

The ID token is checked beyond what mozilla-django-oidc checks by default: its signature with
the provider's published keys and configured algorithm, its issuer, its audience (this
client), its expiry and its nonce; the state and PKCE verifier are checked by the flow.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import lru_cache
from typing import Any

import jwt
import requests
from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.exceptions import SuspiciousOperation
from django.http import HttpRequest
from mozilla_django_oidc.auth import OIDCAuthenticationBackend

TRUE_VALUES = {True, "true", "True", "1"}


class Refusal:
    """Why a single sign-on was refused, kept on the request for the page that explains it."""

    UNKNOWN = "unknown"
    UNVERIFIED = "unverified"
    AMBIGUOUS = "ambiguous"
    FAILED = "failed"
    UNAVAILABLE = "unavailable"


@dataclass(frozen=True)
class Provider:
    """Where the provider's endpoints are and how its tokens are checked."""

    issuer: str
    client_id: str
    client_secret: str
    authorization_endpoint: str
    token_endpoint: str
    userinfo_endpoint: str
    jwks_uri: str
    signing_algorithm: str


def configured() -> dict[str, str]:
    return dict(getattr(settings, "PARTNERSCOPE_OIDC", {}) or {})


def enabled() -> bool:
    """Single sign-on is on when an issuer and a client ID are set."""
    config = configured()
    return bool(config.get("issuer") and config.get("client_id"))


def button_label() -> str:
    return configured().get("button_label") or "Sign in with your organisation"


@lru_cache(maxsize=8)
def discover(issuer: str) -> dict[str, Any]:
    """The provider's published configuration; its issuer must be the one configured."""
    response = requests.get(
        f"{issuer}/.well-known/openid-configuration", timeout=settings.OIDC_TIMEOUT
    )
    response.raise_for_status()
    document = response.json()
    if str(document.get("issuer", "")).rstrip("/") != issuer:
        raise SuspiciousOperation("The provider's discovery document names another issuer.")
    return document


def provider() -> Provider:
    """The configured provider, with any endpoint left empty taken from discovery."""
    config = configured()
    issuer = config["issuer"].rstrip("/")
    names = ("authorization_endpoint", "token_endpoint", "userinfo_endpoint", "jwks_uri")
    endpoints = {name: config.get(name, "") for name in names}
    if not all(endpoints.values()):
        document = discover(issuer)
        endpoints = {name: endpoints[name] or document.get(name, "") for name in names}
    return Provider(
        issuer=issuer,
        client_id=config["client_id"],
        client_secret=config.get("client_secret", ""),
        signing_algorithm=config.get("signing_algorithm") or "RS256",
        **endpoints,
    )


def email_is_verified(claims: dict[str, Any]) -> bool:
    """Whether the provider vouches for the e-mail address.

    OpenID Connect's standard claim is ``email_verified``. Microsoft Entra ID does not send
    it; its optional claim ``xms_edov`` (e-mail domain owner verified) says the address's
    domain is verified by the organisation's tenant, and is accepted in its place.
    """
    return claims.get("email_verified") in TRUE_VALUES or claims.get("xms_edov") in TRUE_VALUES


def refuse(request: HttpRequest | None, reason: str) -> None:
    if request is not None:
        request.sso_refusal = reason  # type: ignore[attr-defined]


class VerifiedEmailBackend(OIDCAuthenticationBackend):
    """Signs in the one existing, active account whose e-mail the provider has verified."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.UserModel = get_user_model()

    def authenticate(self, request: HttpRequest | None, **kwargs: Any) -> Any:
        """Only the sign-on callback, which passes the session's nonce, reaches the provider."""
        nonce = kwargs.get("nonce")
        if request is None or not nonce or "password" in kwargs or not enabled():
            return None
        self.provider = provider()
        self.OIDC_OP_TOKEN_ENDPOINT = self.provider.token_endpoint
        self.OIDC_OP_USER_ENDPOINT = self.provider.userinfo_endpoint
        self.OIDC_OP_JWKS_ENDPOINT = self.provider.jwks_uri
        self.OIDC_RP_CLIENT_ID = self.provider.client_id
        self.OIDC_RP_CLIENT_SECRET = self.provider.client_secret
        self.OIDC_RP_SIGN_ALGO = self.provider.signing_algorithm
        self.OIDC_RP_IDP_SIGN_KEY = None
        return super().authenticate(request, nonce=nonce, code_verifier=kwargs.get("code_verifier"))

    def _verify_jws(self, payload: Any, key: Any) -> dict[str, Any]:
        """Check the token's signature, issuer, audience, expiry and required claims."""
        header = jwt.get_unverified_header(payload)
        if header.get("alg") != self.OIDC_RP_SIGN_ALGO:
            raise SuspiciousOperation("The token is signed with another algorithm.")
        try:
            return jwt.decode(
                payload,
                key,
                algorithms=[self.OIDC_RP_SIGN_ALGO],
                audience=self.provider.client_id,
                issuer=self.provider.issuer,
                options={"require": ["exp", "iat", "iss", "aud", "sub"]},
                leeway=60,
            )
        except jwt.PyJWTError as error:
            raise SuspiciousOperation(f"The ID token is not valid: {error}") from error

    def get_userinfo(self, access_token: str, id_token: str, payload: dict[str, Any]) -> Any:
        """The ID token's claims, completed by the user information endpoint when there is one.

        The signed ID token's claims win; the two must be about the same subject.
        """
        claims: dict[str, Any] = {}
        if self.OIDC_OP_USER_ENDPOINT:
            claims = dict(super().get_userinfo(access_token, id_token, payload))
            if claims.get("sub") != payload.get("sub"):
                raise SuspiciousOperation("The user information is about someone else.")
        claims.update(payload)
        return claims

    def verify_claims(self, claims: dict[str, Any]) -> bool:
        if not claims.get("email") or not email_is_verified(claims):
            refuse(self.request, Refusal.UNVERIFIED)
            return False
        return True

    def filter_users_by_claims(self, claims: dict[str, Any]) -> Any:
        users = self.UserModel.objects.filter(email__iexact=claims["email"], is_active=True)
        count = users.count()
        if count == 0:
            refuse(self.request, Refusal.UNKNOWN)
        elif count > 1:
            refuse(self.request, Refusal.AMBIGUOUS)
        self.request.sso_email = claims["email"]  # type: ignore[attr-defined]
        return users

    def get_user(self, user_id: Any) -> Any:
        """The signed-in account on later requests, while it stays active."""
        return self.UserModel.objects.filter(pk=user_id, is_active=True).first()

    def create_user(self, claims: dict[str, Any]) -> Any:
        """Never: accounts and roles are given by a partnership's manager."""
        refuse(self.request, Refusal.UNKNOWN)
        return None
