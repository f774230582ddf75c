"""Credentials: a throwaway application for loopback targets, or the real one from the environment.

A live run takes VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY_PATH (or VONAGE_PRIVATE_KEY), exactly as ``connect()``
does, and never prints either.
"""

from __future__ import annotations

import functools
import os
from typing import Final

from cryptography.hazmat.primitives.asymmetric import rsa

from vonage_voice_client import ConfigurationError, VonageJWT

TEST_APPLICATION_ID: Final = "aaaaaaaa-bbbb-4ccc-8ddd-eeeeeeeeeeee"
ENV_NAMES: Final = ("VONAGE_APPLICATION_ID", "VONAGE_PRIVATE_KEY_PATH", "VONAGE_PRIVATE_KEY")


@functools.cache
def test_key() -> rsa.RSAPrivateKey:
    """One 2048-bit key per process (generating RSA keys is slow); never leaves the process."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


def test_auth(application_id: str = TEST_APPLICATION_ID) -> VonageJWT:
    return VonageJWT(application_id, test_key())


def live_auth() -> VonageJWT | str:
    """The environment's credentials, or why they cannot be used (a reason to skip, naming the variables)."""
    if not os.environ.get("VONAGE_APPLICATION_ID"):
        return "no credentials: set VONAGE_APPLICATION_ID and VONAGE_PRIVATE_KEY_PATH (or VONAGE_PRIVATE_KEY)"
    try:
        return VonageJWT.from_env()
    except ConfigurationError as error:  # its message names the variable, never the key
        return f"credentials from the environment are unusable: {error}"
