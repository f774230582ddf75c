"""VonageJWT configuration errors (each names what is wrong) and secrecy (no key material anywhere)."""

from __future__ import annotations

import logging
import re
import warnings
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import httpx
import pytest
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import dsa, rsa
from cryptography.utils import CryptographyDeprecationWarning

from vonage_voice_client import connect
from vonage_voice_client.auth import ConfigurationError, VonageJWT

APP_ID = "c2d4e6f8-1a3b-4c5d-8e7f-9a0b1c2d3e4f"
T0 = 1_700_000_000


# --- configuration errors -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class Keys:
    """The session's keys in every broken form the error cases need."""

    pem: bytes
    encrypted: bytes
    short: bytes
    ec: bytes
    public: bytes
    broken: bytes
    tmp: Path


@pytest.fixture
def keys(
    rsa_key: rsa.RSAPrivateKey,
    rsa_pem: bytes,
    encrypted_rsa_pem: bytes,
    short_rsa_pem: bytes,
    ec_pem: bytes,
    tmp_path: Path,
) -> Keys:
    public = rsa_key.public_key().public_bytes(
        serialization.Encoding.PEM, serialization.PublicFormat.SubjectPublicKeyInfo
    )
    broken = b"-----BEGIN PRIVATE KEY-----\n" + rsa_pem.splitlines()[3] + b"\n-----END PRIVATE KEY-----\n"
    return Keys(rsa_pem, encrypted_rsa_pem, short_rsa_pem, ec_pem, public, broken, tmp_path)


def env(**variables: str) -> VonageJWT:
    return VonageJWT.from_env({"VONAGE_APPLICATION_ID": APP_ID} | variables)


def make(key: Any, **options: Any) -> VonageJWT:
    return VonageJWT(APP_ID, key, **options)


# (case, a call that must raise ConfigurationError, the message it must match; <tmp> stands for the temporary folder)
CONFIG_ERRORS: list[tuple[str, Callable[[Keys], object], str]] = [
    ("malformed pem", lambda k: make(k.broken), "^private key is not a valid PEM private key$"),
    ("not pem", lambda k: make(b"not a key"), r"^private key is not PEM \(expected a '-----BEGIN PRIVATE KEY"),
    ("public key", lambda k: make(k.public), "^private key is a public key; the application's private key is needed$"),
    ("encrypted, no password", lambda k: make(k.encrypted), "^private key is encrypted; pass private_key_password$"),
    ("wrong password", lambda k: make(k.encrypted, private_key_password="no"), "^private key could not be decrypted: "),
    ("needless password", lambda k: make(k.pem, private_key_password="pw"), "^a private key password was given but"),
    ("ec key", lambda k: make(k.ec), r"^private key is an EC key; Vonage application keys are RSA \(RS256\)$"),
    ("ec key object", lambda k: make(serialization.load_pem_private_key(k.ec, None)), "^private key is an EC key; "),
    ("1024-bit key", lambda k: make(k.short), "^private key is 1024-bit RSA; at least 2048 bits are required$"),
    ("missing file", lambda k: make(k.tmp / "no.key"), "^private key points to '<tmp>/no.key' which does not exist$"),
    (
        "str not pem, not a file",
        lambda k: make("no.key"),
        r"^private key is neither PEM text \(no '-----BEGIN' line\) nor an existing file: 'no.key'$",
    ),
    ("directory", lambda k: make(k.tmp), "^cannot read private key '<tmp>': Is a directory$"),
    ("path with a NUL", lambda k: make("app\x00.key"), r"^private key 'app\\x00.key' is not a valid path$"),
    ("wrong type", lambda k: make(42), "^private_key must be PEM bytes or text, a path, or an RSAPrivateKey, not int$"),
    ("bad application id", lambda k: VonageJWT("app", k.pem), "^application_id must be a UUID like .*, got 'app'$"),
    ("pem as application id", lambda k: VonageJWT(k.pem.decode(), k.pem), r"got a \d+-character string \(not shown\)$"),
    ("ttl too short", lambda k: make(k.pem, ttl=29), r"^ttl must be whole seconds from 30 to 86400 \(24 h\), got 29$"),
    ("ttl too long", lambda k: make(k.pem, ttl=86401), "^ttl must be .*, got 86401$"),
    ("ttl not whole", lambda k: make(k.pem, ttl=900.5), "^ttl must be .*, got 900.5$"),
    ("margin >= ttl", lambda k: make(k.pem, ttl=60, renew_margin=60), r"^renew_margin must .* ttl \(60 s\), got 60$"),
    ("positive nbf", lambda k: make(k.pem, nbf=10), "^nbf is seconds relative to iat, from -86400 to 0"),
    ("env: no application id", lambda k: VonageJWT.from_env({}), "^VONAGE_APPLICATION_ID is not set$"),
    ("env: bad application id", lambda k: VonageJWT.from_env({"VONAGE_APPLICATION_ID": "1"}), ".* UUID .*, got '1'$"),
    ("env: no key", lambda k: env(), "^neither VONAGE_PRIVATE_KEY nor VONAGE_PRIVATE_KEY_PATH is set$"),
    ("env: both keys", lambda k: env(VONAGE_PRIVATE_KEY="x", VONAGE_PRIVATE_KEY_PATH="y"), "^both .*; set only one$"),
    (
        "env: path missing",
        lambda k: env(VONAGE_PRIVATE_KEY_PATH=f"{k.tmp}/no.key"),
        "^VONAGE_PRIVATE_KEY_PATH points to '<tmp>/no.key' which does not exist$",
    ),
    ("env: key not pem", lambda k: env(VONAGE_PRIVATE_KEY="/app.key"), "^VONAGE_PRIVATE_KEY does not hold PEM text"),
    ("env: encrypted", lambda k: env(VONAGE_PRIVATE_KEY=k.encrypted.decode()), "^VONAGE_PRIVATE_KEY is encrypted; set"),
    ("env: 1024-bit key", lambda k: env(VONAGE_PRIVATE_KEY=k.short.decode()), "^VONAGE_PRIVATE_KEY is 1024-bit RSA; "),
]


def test_a_dsa_key_object_is_refused_by_name_without_a_warning_from_us() -> None:
    with pytest.warns(CryptographyDeprecationWarning, match="DSA"):  # making one is deprecated; refusing one is not
        key = dsa.generate_private_key(1024)
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        with pytest.raises(ConfigurationError, match=r"^private key is a DSA key; Vonage application keys are RSA"):
            make(key)


@pytest.mark.parametrize(("call", "message"), [c[1:] for c in CONFIG_ERRORS], ids=[c[0] for c in CONFIG_ERRORS])
def test_configuration_error_names_the_problem(keys: Keys, call: Callable[[Keys], object], message: str) -> None:
    with pytest.raises(ConfigurationError, match=message.replace("<tmp>", re.escape(str(keys.tmp)))) as caught:
        call(keys)
    # Ours, raised by our code, with no library exception chained: a library may echo its input (the key).
    assert type(caught.value) is ConfigurationError
    assert caught.value.__cause__ is None and caught.value.__context__ is None
    assert Path(caught.traceback[-1].path).parent.name == "vonage_voice_client"


# --- secrecy --------------------------------------------------------------------------------------------------------


def exception_texts(exc: BaseException | None) -> Iterator[str]:
    """str and repr of an exception and of everything chained to it."""
    while exc is not None:
        yield str(exc)
        yield repr(exc)
        yield from (repr(arg) for arg in exc.args)
        exc = exc.__cause__ or exc.__context__


def key_fragments(*pems: bytes, size: int = 16) -> list[str]:
    """Consecutive 16-character pieces of each PEM's base64 body: any leak of 31 characters or more contains one."""
    bodies = ["".join(line for line in pem.decode().splitlines() if not line.startswith("-----")) for pem in pems]
    return [body[i : i + size] for body in bodies for i in range(0, len(body) - size + 1, size)]


def test_no_key_material_in_logs_reprs_or_errors(
    keys: Keys, key_password: bytes, caplog: pytest.LogCaptureFixture
) -> None:
    texts: list[str] = []
    caplog.set_level(logging.DEBUG)
    for _, call, _ in CONFIG_ERRORS:
        with pytest.raises(ConfigurationError) as caught:
            call(keys)
        texts.extend(exception_texts(caught.value))
    # The working paths too: signing, renewal, a 401 and its retry.
    auth = VonageJWT(APP_ID, keys.encrypted, private_key_password=key_password, clock=lambda: T0)
    transport = httpx.MockTransport(lambda request: httpx.Response(401))
    with httpx.Client(auth=auth, transport=transport) as client:
        client.get("https://api.nexmo.com/v1/calls")
    texts += [repr(auth), str(auth), repr(vars(auth))]
    texts += [record.getMessage() for record in caplog.records]

    assert any("signed application JWT" in record.getMessage() for record in caplog.records)
    secrets = [*key_fragments(keys.pem, keys.encrypted, keys.short, keys.ec), key_password.decode()]
    leaks = [secret for secret in secrets for text in texts if secret in text]
    assert leaks == []
    tokens_in_logs = [record for record in caplog.records if auth.token() in record.getMessage()]
    assert tokens_in_logs == []
    assert auth.token() not in repr(vars(auth)), "the cached token shows in the instance's state"


def local_reprs(exc: BaseException) -> Iterator[str]:
    """What an error tracker recording locals (Sentry's default) stores for the frames of our package: repr() of
    every local, which must not raise either."""
    tb = exc.__traceback__
    while tb is not None:
        frame = tb.tb_frame
        if "vonage_voice_client" in frame.f_code.co_filename:
            yield from (f"{frame.f_code.co_name}.{name}={value!r}" for name, value in frame.f_locals.items())
        tb = tb.tb_next


def test_no_frame_of_a_configuration_error_holds_key_material(keys: Keys, key_password: bytes) -> None:
    wrong_password = key_password.decode() + " (wrong)"
    calls = [call for _, call, _ in CONFIG_ERRORS]
    calls.append(lambda k: make(k.encrypted, private_key_password=wrong_password))
    calls.append(lambda k: env(VONAGE_PRIVATE_KEY=k.encrypted.decode(), VONAGE_PRIVATE_KEY_PASSWORD=wrong_password))
    calls.append(lambda k: VonageJWT(k.encrypted.decode(), k.pem))  # a PEM where the application id goes
    calls.append(lambda k: connect(application_id=APP_ID, private_key=k.encrypted, private_key_password=wrong_password))
    calls.append(lambda k: connect(private_key=k.pem))  # half the credentials
    texts: list[str] = []
    for call in calls:
        with pytest.raises(ConfigurationError) as caught:
            call(keys)
        texts.extend(local_reprs(caught.value))
    assert any(text.startswith("_parse_pem.") for text in texts), "no frame of the PEM parser was inspected"
    assert any(text.startswith("__init__.self=VonageJWT(") for text in texts), "no half-built VonageJWT was shown"
    assert any(text.startswith("connect.") for text in texts), "no frame of connect() was inspected"
    secrets = [*key_fragments(keys.pem, keys.encrypted, keys.short, keys.ec), wrong_password]
    assert [secret for secret in secrets for text in texts if secret in text] == []


def test_repr_of_a_half_built_instance_does_not_raise() -> None:
    assert repr(VonageJWT.__new__(VonageJWT)) == "VonageJWT(application_id=None, ttl=None)"
