"""Fixtures shared by the tests of several subjects: keys generated once per session (RSA generation is slow), and a
real redis-server for the Redis extra."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, rsa

from tests.support.redis_server import MISSING, RedisServer, must_have_redis_in_ci, redis_server_path, running_redis

KEY_PASSWORD = b"correct horse battery staple"


def _pem(key: rsa.RSAPrivateKey | ec.EllipticCurvePrivateKey) -> bytes:
    return key.private_bytes(
        serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, serialization.NoEncryption()
    )


@pytest.fixture(scope="session")
def rsa_key() -> rsa.RSAPrivateKey:
    """A 2048-bit RSA key, the size Vonage generates for applications."""
    return rsa.generate_private_key(public_exponent=65537, key_size=2048)


@pytest.fixture(scope="session")
def rsa_pem(rsa_key: rsa.RSAPrivateKey) -> bytes:
    return _pem(rsa_key)


@pytest.fixture(scope="session")
def key_password() -> bytes:
    return KEY_PASSWORD


@pytest.fixture(scope="session")
def encrypted_rsa_pem(rsa_key: rsa.RSAPrivateKey) -> bytes:
    """``rsa_key`` as an encrypted PKCS#8 PEM; its password is the ``key_password`` fixture."""
    encryption = serialization.BestAvailableEncryption(KEY_PASSWORD)
    return rsa_key.private_bytes(serialization.Encoding.PEM, serialization.PrivateFormat.PKCS8, encryption)


@pytest.fixture(scope="session")
def short_rsa_pem() -> bytes:
    return _pem(rsa.generate_private_key(public_exponent=65537, key_size=1024))


@pytest.fixture(scope="session")
def ec_pem() -> bytes:
    return _pem(ec.generate_private_key(ec.SECP256R1()))


@pytest.fixture(scope="session")
def redis_server() -> Iterator[RedisServer]:
    """A real redis-server on a free loopback port for the session (skipped without it locally, failed in CI)."""
    if redis_server_path() is None:
        if must_have_redis_in_ci():
            pytest.fail(MISSING)
        pytest.skip(MISSING)
    with running_redis() as server:
        yield server
