"""Private keys from any form users give them (PEM bytes or text, a path, a key object), checked for RS256.

Every failure is raised outside the ``except`` block that detected it, so the library's exception is not even
attached as ``__context__``: nothing a library might have echoed from its input can reach a log or traceback. The
key and its password travel in :class:`~._redact.Hidden`, so no frame of a traceback holds them in the clear either
(error trackers record every frame's locals); helpers that unwrap them into a local never raise.
"""

from __future__ import annotations

import os
import typing
from pathlib import Path
from typing import Final, NamedTuple

from cryptography.exceptions import UnsupportedAlgorithm
from cryptography.hazmat.primitives import serialization
from cryptography.hazmat.primitives.asymmetric import ec, ed448, ed25519, rsa
from cryptography.hazmat.primitives.asymmetric.types import PrivateKeyTypes

from ._redact import Hidden, describe
from .errors import ConfigurationError

MIN_RSA_BITS: Final = 2048
# Every private key class cryptography has, from its own union. Not spelled out: naming dsa.DSAPrivateKey (DSA is
# deprecated in cryptography) warns on every connect(), which fails test suites that run with warnings as errors.
_PRIVATE_KEY_TYPES: Final = typing.get_args(PrivateKeyTypes)
_MAX_PATH_SHOWN: Final = 255  # paths are shown in errors; no RSA key fits in this many characters


class KeySource(NamedTuple):
    """How error messages name a key and tell the user to supply its password."""

    label: str
    password_hint: str


ARGUMENT = KeySource("private key", "pass private_key_password")


def load_private_key(key: Hidden[object], password: Hidden[object], source: KeySource) -> rsa.RSAPrivateKey:
    """Turn any accepted form of the key into a checked ``RSAPrivateKey``; the key and password stay hidden."""
    path = _key_path(key)
    if path is not None:
        shown = describe(path, limit=_MAX_PATH_SHOWN)
        key = _read_key_file(path, shown, source.label, is_text=isinstance(key.reveal(), str))
        source = source._replace(label=f"{source.label} file {shown}")
    pem = _pem_bytes(key)
    if pem is not None:
        return _check_rsa(_parse_pem(pem, _password_bytes(password), source), source.label)
    if not _is_private_key(key.reveal()):
        raise ConfigurationError(
            f"private_key must be PEM bytes or text, a path, or an RSAPrivateKey, not {type(key.reveal()).__name__}"
        )
    return _check_rsa(key.reveal(), source.label)


def _key_path(key: Hidden[object]) -> str | None:
    """The path the key names: an ``os.PathLike``, or a ``str`` that is not PEM text (a path is not a secret)."""
    value = key.reveal()
    if isinstance(value, os.PathLike) or (isinstance(value, str) and not looks_like_pem(value)):
        return os.fspath(value)
    return None


def _pem_bytes(key: Hidden[object]) -> Hidden[bytes] | None:
    """PEM text or bytes as bytes (never raises: a character UTF-8 cannot encode makes the PEM invalid, later)."""
    value = key.reveal()
    if isinstance(value, str):
        return _one_line_pem(Hidden(value.encode("utf-8", "replace")))
    return _one_line_pem(Hidden(value)) if isinstance(value, bytes) else None


def _one_line_pem(pem: Hidden[bytes]) -> Hidden[bytes]:
    """A PEM written on one line with literal ``\\n`` (.env files, CI secrets, JSON configs) as real lines; the
    same from the argument as from VONAGE_PRIVATE_KEY. Never raises, so its frame is in no traceback."""
    data = pem.reveal()
    return pem if b"\n" in data else Hidden(data.replace(b"\\n", b"\n"))


def _password_bytes(password: Hidden[object]) -> Hidden[bytes | None]:
    kind = type(password.reveal())
    if kind not in (str, bytes, type(None)):
        raise ConfigurationError(f"private_key_password must be str or bytes, not {kind.__name__}")
    return _encoded_password(password)


def _encoded_password(password: Hidden[object]) -> Hidden[bytes | None]:
    value = password.reveal()
    return Hidden(
        value.encode("utf-8", "replace") if isinstance(value, str) else value if isinstance(value, bytes) else None
    )


def looks_like_pem(text: str) -> bool:
    return "-----BEGIN" in text


def _read_key_file(path: str, shown: str, label: str, *, is_text: bool) -> Hidden[object]:
    problem: str
    try:
        return Hidden(Path(path).read_bytes())
    except FileNotFoundError:
        problem = f"{label} points to {shown} which does not exist"
        if is_text:  # a str is either PEM text or a path: say both, the user may have meant either
            problem = f"{label} is neither PEM text (no '-----BEGIN' line) nor an existing file: {shown}"
    except OSError as exc:
        problem = f"cannot read {label} {shown}: {exc.strerror}"
    except ValueError:  # a NUL, or a character the file system cannot encode
        problem = f"{label} {shown} is not a valid path"
    raise ConfigurationError(problem)


def _parse_pem(data: Hidden[bytes], password: Hidden[bytes | None], source: KeySource) -> object:
    """Parse PEM bytes into a key object, explaining every failure in terms the user can act on."""
    # "BEGIN ENCRYPTED PRIVATE KEY" (PKCS#8) or "Proc-Type: 4,ENCRYPTED" (PKCS#1)
    encrypted = b"ENCRYPTED" in data.reveal()
    problem = _pem_precheck(data, password, encrypted, source)
    if problem is None:
        try:
            return serialization.load_pem_private_key(data.reveal(), password.reveal())
        except UnsupportedAlgorithm:
            problem = f"{source.label} uses an unsupported key type or encryption"
        except (ValueError, TypeError):
            problem = (
                f"{source.label} could not be decrypted: wrong password, or malformed PEM"
                if encrypted
                else f"{source.label} is not a valid PEM private key"
            )
    raise ConfigurationError(problem)


def _pem_precheck(
    data: Hidden[bytes], password: Hidden[bytes | None], encrypted: bool, source: KeySource
) -> str | None:
    """Return what is wrong with ``data`` that can be told without parsing it, or None."""
    if b"-----BEGIN" not in data.reveal():
        return f"{source.label} is not PEM (expected a '-----BEGIN PRIVATE KEY-----' block)"
    if b"PRIVATE KEY-----" not in data.reveal() and b"PUBLIC KEY-----" in data.reveal():
        return f"{source.label} is a public key; the application's private key is needed"
    if encrypted and password.reveal() is None:
        return f"{source.label} is encrypted; {source.password_hint}"
    if not encrypted and password.reveal() is not None:
        return f"a private key password was given but {source.label} is not encrypted"
    return None


def _is_private_key(key: object) -> bool:
    return isinstance(key, _PRIVATE_KEY_TYPES)


def _check_rsa(key: object, label: str) -> rsa.RSAPrivateKey:
    """Vonage signs and verifies application tokens with RS256 only; short RSA keys are refused outright."""
    if not isinstance(key, rsa.RSAPrivateKey):
        raise ConfigurationError(f"{label} is {_key_kind(key)} key; Vonage application keys are RSA (RS256)")
    if key.key_size < MIN_RSA_BITS:
        raise ConfigurationError(f"{label} is {key.key_size}-bit RSA; at least {MIN_RSA_BITS} bits are required")
    return key


def _key_kind(key: object) -> str:
    kinds: tuple[tuple[type, str], ...] = (
        (ec.EllipticCurvePrivateKey, "an EC"),
        (ed25519.Ed25519PrivateKey, "an Ed25519"),
        (ed448.Ed448PrivateKey, "an Ed448"),
    )
    # Others by their class name ("a DSA"): see _PRIVATE_KEY_TYPES for why DSA is not named.
    fallback = f"a {type(key).__name__.removesuffix('PrivateKey')}"
    return next((name for kind, name in kinds if isinstance(key, kind)), fallback)
