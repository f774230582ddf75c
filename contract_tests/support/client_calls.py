"""Drive a generated operation from generated data, through our runtime, over an ``httpx.MockTransport``.

The generated functions take typed arguments (attrs models, datetimes, Literal strings); this module turns JSON
test data into those arguments the way a user would (``Model.from_dict``), picking among a union the model that
represents the data exactly, and compares what went out, or what was parsed, with the data "as instants": a
date-time string and the datetime it became are the same value.
"""

from __future__ import annotations

import copy
import datetime
import functools
import importlib
import inspect
import pkgutil
import re
import typing
from collections.abc import Callable
from types import ModuleType
from typing import Any
from urllib.parse import unquote

import attrs
import httpx
import vonage_voice_api.api
from dateutil.parser import isoparse
from vonage_voice_api.types import File, Unset

from vonage_voice_client import RetryPolicy, VoiceClient, VonageJWT, connect

from .spec import Operation

_DATE_TIME = re.compile(r"^\d{4}-\d{2}-\d{2}[T ]\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$", re.IGNORECASE)


def operation_module(operation: Operation) -> ModuleType:
    """The generated module of ``operation`` (vonage_voice_api.api.<tag>.<operation>), found by name in any tag."""
    return _module_named(operation.module_name, operation.operation_id)


@functools.cache
def _module_named(module_name: str, operation_id: str) -> ModuleType:
    """Looked up once per name (listing the tags reads the package's folder)."""
    operation = _Named(module_name, operation_id)
    for tag in pkgutil.iter_modules(vonage_voice_api.api.__path__):
        try:
            return importlib.import_module(f"vonage_voice_api.api.{tag.name}.{operation.module_name}")
        except ModuleNotFoundError:
            continue
    raise LookupError(f"no generated module for {operation.operation_id} ({operation.module_name})")


@attrs.frozen
class _Named:
    module_name: str
    operation_id: str


@functools.cache
def _hints(function: Callable[..., Any]) -> dict[str, Any]:
    """A generated function's resolved annotations (resolving them evaluates every string annotation: once)."""
    return typing.get_type_hints(function)


@functools.cache
def _accepted(function: Callable[..., Any]) -> frozenset[str]:
    return frozenset(inspect.signature(function).parameters)


def client(auth: VonageJWT, handler: Callable[[httpx.Request], httpx.Response], **options: Any) -> VoiceClient:
    """Our runtime's client with the network replaced by ``handler``; no retries (each answer is seen once)."""
    return connect(
        auth=auth, transport=httpx.MockTransport(handler), retry_policy=RetryPolicy(max_retries=0), **options
    )


def arguments(module: ModuleType, path_parameters: dict[str, Any], query: dict[str, Any], body: Any) -> dict[str, Any]:
    """Keyword arguments for ``module.sync_detailed`` carrying exactly this data."""
    hints = _hints(module.sync_detailed)
    accepted = _accepted(module.sync_detailed)
    kwargs: dict[str, Any] = {}
    # Schemathesis keeps path parameters percent-encoded (ready for the URL); a user passes the plain value.
    plain_path = {name: unquote(str(value)) for name, value in path_parameters.items()}
    for name, value in {**plain_path, **query}.items():
        python_name = _python_name(name)
        if python_name not in accepted:
            raise AssertionError(f"the generated function has no argument for parameter {name!r}")
        kwargs[python_name] = _typed(hints[python_name], value)
    if body is not None:
        if "body" not in accepted:
            raise AssertionError("the spec gives this operation a body but the generated function takes none")
        kwargs["body"] = model_for(hints["body"], body)
    return kwargs


def _python_name(name: str) -> str:
    snake = re.sub(r"(?<=[a-z0-9])(?=[A-Z])", "_", name).replace("-", "_").lower()
    return f"{snake}_" if snake in ("from", "type", "id", "in", "not", "is") else snake


def _typed(hint: Any, value: Any) -> Any:
    options = typing.get_args(hint) or (hint,)
    if datetime.datetime in options and isinstance(value, str):
        return isoparse(value)
    return value


def model_for(hint: Any, data: Any) -> Any:
    """The one model among ``hint``'s union that holds ``data`` with nothing lost or changed.

    A value no model can hold unchanged is a client defect: the user could not send this valid request.
    """
    candidates = [option for option in typing.get_args(hint) or (hint,) if hasattr(option, "from_dict")]
    if not candidates:
        return data
    problems = []
    for candidate in candidates:
        try:
            model = candidate.from_dict(copy.deepcopy(data))
        except (KeyError, TypeError, ValueError, AttributeError) as error:
            problems.append(f"{candidate.__name__}: {type(error).__name__}: {error}")
            continue
        if normalise(model.to_dict()) == normalise(data):
            return model
        problems.append(f"{candidate.__name__}: round trip gives {model.to_dict()!r}")
    raise AssertionError("no generated model holds this value unchanged:\n  " + "\n  ".join(problems))


def normalise(value: Any) -> Any:
    """Compare JSON values as values: date-time strings become aware datetimes, ints and floats compare equal."""
    if isinstance(value, dict):
        return {key: normalise(item) for key, item in value.items()}
    if isinstance(value, list | tuple):
        return [normalise(item) for item in value]
    if isinstance(value, str) and _DATE_TIME.match(value):
        try:
            parsed = isoparse(value)
        except ValueError:
            return value
        return parsed if parsed.tzinfo else parsed.replace(tzinfo=datetime.UTC)
    if isinstance(value, datetime.datetime):
        return value if value.tzinfo else value.replace(tzinfo=datetime.UTC)
    return value


def model_classes(value: Any) -> set[str]:
    """Names of every generated model class in a parsed value (to tell which oneOf branch the client picked)."""
    found: set[str] = set()
    if attrs.has(type(value)):
        found.add(type(value).__name__)
        for field in attrs.fields(type(value)):
            found |= model_classes(getattr(value, field.name))
    elif isinstance(value, list | tuple):
        for item in value:
            found |= model_classes(item)
    elif isinstance(value, dict):
        for item in value.values():
            found |= model_classes(item)
    return found


@functools.cache
def success_model(module: ModuleType) -> type | None:
    """The model ``module.sync`` returns on success (None for operations without a JSON answer)."""
    returned = _hints(module.sync).get("return")
    options = [option for option in typing.get_args(returned) or (returned,) if option not in (type(None), Unset)]
    classes = [option for option in options if isinstance(option, type) and hasattr(option, "from_dict")]
    return classes[0] if len(classes) == 1 else None


@functools.cache
def returns_file(module: ModuleType) -> bool:
    """Whether ``module.sync`` gives back the answer's bytes as they came (a ``File``), whatever its media type."""
    return _hints(module.sync).get("return") is File
