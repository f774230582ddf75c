"""Contains some shared types for properties"""

from collections.abc import Collection, Mapping, MutableMapping
from http import HTTPStatus
from typing import IO, Any, BinaryIO, Generic, Literal, TypeVar

from attrs import define

from .errors import InvalidValueError


class Unset:
    def __bool__(self) -> Literal[False]:
        return False


UNSET: Unset = Unset()

# The types that `httpx.Client(files=)` can accept, copied from that library.
FileContent = IO[bytes] | bytes | str
FileTypes = (
    # (filename, file (or bytes), content_type)
    tuple[str | None, FileContent, str | None]
    # (filename, file (or bytes), content_type, headers)
    | tuple[str | None, FileContent, str | None, Mapping[str, str]]
)
RequestFiles = list[tuple[str, FileTypes]]


@define
class File:
    """Contains information for file uploads"""

    payload: BinaryIO
    file_name: str | None = None
    mime_type: str | None = None

    def to_tuple(self) -> FileTypes:
        """Return a tuple representation that httpx will accept for multipart/form-data"""
        return self.file_name, self.payload, self.mime_type


T = TypeVar("T")


@define
class Response(Generic[T]):
    """A response from an endpoint"""

    status_code: HTTPStatus
    content: bytes
    headers: MutableMapping[str, str]
    parsed: T | None


# Added by the custom template (see its header): the tolerant reader and the strict writer of the models.


@define
class UnknownVariant:
    """An object of a kind the spec does not list yet (a new endpoint ``type``, say), kept as received.

    Models read from the API hold one where a union of known kinds meets a new kind, instead of failing.
    """

    raw: dict[str, Any]

    @classmethod
    def from_dict(cls, src_dict: Mapping[str, Any]) -> "UnknownVariant":
        return cls(dict(src_dict))

    def to_dict(self) -> dict[str, Any]:
        return dict(self.raw)

    def get(self, key: str, default: Any = None) -> Any:
        return self.raw.get(key, default)


def read_str(value: object, name: str) -> str:
    """A string the API sent where the spec lists values: any string is kept (a value may be newer than the spec)."""
    if not isinstance(value, str):
        raise TypeError(f"{name}: expected a string, got {type(value).__name__}")
    return value


def read_optional_str(value: object, name: str) -> "str | Unset":
    return value if isinstance(value, Unset) else read_str(value, name)


def read_str_list(value: object, name: str) -> list[str]:
    if not isinstance(value, list):
        raise TypeError(f"{name}: expected a list, got {type(value).__name__}")
    return [read_str(item, name) for item in value]


def check_value(owner: object, name: str, value: object, allowed: Collection[object]) -> None:
    """Refuse a value outside the spec's enum in a model built to be sent (UNSET, an omitted field, is fine)."""
    if isinstance(value, Unset):
        return
    try:
        if value in allowed:
            return
    except TypeError:  # a list or an object read from JSON: unhashable, so no value of the enum
        pass
    raise InvalidValueError(type(owner).__name__, name, value, allowed)


def check_values(owner: object, name: str, values: object, allowed: Collection[object]) -> None:
    if isinstance(values, list):
        for value in values:
            check_value(owner, name, value, allowed)


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "UnknownVariant",
    "Unset",
    "check_value",
    "check_values",
    "read_optional_str",
    "read_str",
    "read_str_list",
]
