"""Shared by the crypto tests: no password in the environment, none remembered between tests."""

from __future__ import annotations

import pytest

from ptxl import crypto


@pytest.fixture(autouse=True)
def no_password_around(monkeypatch):
    monkeypatch.delenv(crypto.ENV_PASSWORD, raising=False)
    crypto._REMEMBERED.clear()
    yield
    crypto._REMEMBERED.clear()
