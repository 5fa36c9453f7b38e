"""Fixtures shared by the whole suite: the kite partnership and users in each role."""

from __future__ import annotations

import pytest

from tests.apps.partnerships.factories import RoleFactory, UserFactory, kite_partnership

PASSWORD = "correct-horse-battery"


@pytest.fixture
def kite(db):
    return kite_partnership()


@pytest.fixture
def role_user(kite):
    """Make a user holding ``kind`` in the kite partnership."""

    def make(kind: str):
        return RoleFactory(partnership=kite["partnership"], kind=kind).user

    return make


@pytest.fixture
def manager(role_user):
    return role_user("manager")


@pytest.fixture
def outsider(db):
    """A user with a role in another partnership only."""
    return RoleFactory(kind="manager").user


@pytest.fixture
def manager_client(client, manager):
    client.force_login(manager)
    return client


@pytest.fixture
def password():
    return PASSWORD


@pytest.fixture
def make_user(db):
    return UserFactory
