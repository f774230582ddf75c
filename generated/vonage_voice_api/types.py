"""Contains some shared types for properties"""

import re
from collections.abc import Callable, Collection, Mapping, MutableMapping, Sequence
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


# A field's check: None when the value is allowed, else (where inside the value, the value there, the rule broken).
Problem = tuple[str, object, str] | None
Check = Callable[[object], Problem]
FieldChecks = tuple[tuple[str, str, Check], ...]

# format: uri (RFC 3986): a scheme, then no whitespace and none of the characters a URI never holds.
_URI = re.compile(r"^[A-Za-z][A-Za-z0-9+.\-]*:[^\s<>\"{}|\\^`]*\Z")
match_uri = _URI.match
_KEEP_MATCHED = 4096  # strings remembered per pattern: request fields repeat (webhook URLs, caller numbers)


def compile_match(pattern: str | None = None) -> Callable[[str], bool]:
    """Whether a string matches ``pattern`` (format uri when None), remembering the strings that did: a string
    never changes, and a regex costs more than the rest of a model's checks."""
    search = _URI.match if pattern is None else re.compile(pattern).search
    matched: set[str] = set()

    def ok(value: str) -> bool:
        if value in matched:
            return True
        if search(value) is None:
            return False
        if len(matched) < _KEEP_MATCHED:
            matched.add(value)
        return True

    return ok


uri_ok = compile_match()


def strings(values: list[Any], ok: Callable[[str], bool] | None) -> bool:
    """Whether every item is a string (and ``ok``): the quick test of a list of URLs, without a generator."""
    for item in values:
        if item.__class__ is not str or (ok is not None and not ok(item)):
            return False
    return True


# The string forms of defect D32 (NCCO reference examples send "true" and "45"): read by from_dict(), never built.
_JSON_INTEGER = re.compile(r"-?[0-9]+\Z")
_JSON_NUMBER = re.compile(r"-?[0-9]+(\.[0-9]+)?\Z")
_TYPES: dict[str, Callable[[object], bool]] = {
    "string": lambda v: isinstance(v, str),
    "integer": lambda v: isinstance(v, int) and not isinstance(v, bool),
    "number": lambda v: isinstance(v, (int, float)) and not isinstance(v, bool),
    "boolean": lambda v: isinstance(v, bool),
    "array": lambda v: isinstance(v, list),
}

_BREAKS: dict[str, Callable[[Any, Any], bool]] = {
    "minLength": lambda v, n: len(v) < n,
    "maxLength": lambda v, n: len(v) > n,
    "minimum": lambda v, n: v < n,
    "maximum": lambda v, n: v > n,
    "exclusiveMinimum": lambda v, n: v <= n,
    "exclusiveMaximum": lambda v, n: v >= n,
    "minItems": lambda v, n: len(v) < n,
    "maxItems": lambda v, n: len(v) > n,
}


def _misses(value: str, match: Callable[[str], object]) -> bool:
    return match(value) is None


def repeats(values: list[object], _: object) -> bool:
    try:
        return len(set(values)) != len(values)
    except TypeError:  # unhashable items (read from JSON): compare them pairwise
        return any(item in values[:index] for index, item in enumerate(values))


def members(values: list[Any], allowed: Collection[object]) -> bool:
    """Whether every item is a string of ``allowed``: the quick test of a list of enum values."""
    for item in values:
        if item.__class__ is not str or item not in allowed:
            return False
    return True


def compile_checks(fields: Sequence[tuple[str, str, Mapping[str, Any]]]) -> FieldChecks:
    """One check per (attribute, JSON name, rule) of a model; run once, when its module is imported."""
    return tuple((attribute, name, compile_rule(rule)) for attribute, name, rule in fields)


def compile_rule(rule: Mapping[str, Any]) -> Check:
    """The check of one rule of tools/constraints.py: a type, then the constraints of that type, cheapest first."""
    if "anyOf" in rule:
        return _any_of([compile_rule(choice) for choice in rule["anyOf"]])
    # (true when the value breaks it, given the limit; the limit; the rule as the spec words it)
    tests: list[tuple[Callable[[Any, Any], bool], Any, str]] = [
        (_BREAKS[key], rule[key], f"{key} {rule[key]}") for key in _BREAKS if key in rule
    ]
    if rule.get("uniqueItems"):
        tests.append((repeats, None, "uniqueItems"))
    if "pattern" in rule:
        tests.append((_misses, re.compile(rule["pattern"]).search, f"pattern {rule['pattern']!r}"))
    if rule.get("format") == "uri":
        tests.append((_misses, _URI.match, "format uri"))
    is_type, type_rule, nullable = _TYPES[rule["type"]], f"type {rule['type']}", rule.get("nullable", False)
    items = compile_rule(rule["items"]) if "items" in rule else None

    def check(value: object) -> Problem:
        if value is None and nullable:
            return None
        if not is_type(value):
            return "", value, type_rule
        for broken, limit, text in tests:
            if broken(value, limit):
                return "", value, text
        if items is not None and isinstance(value, list):
            for index, item in enumerate(value):
                problem = items(item)
                if problem is not None:
                    return f"[{index}]{problem[0]}", problem[1], problem[2]
        return None

    return check


def _any_of(choices: list[Check]) -> Check:
    def check(value: object) -> Problem:
        problems = [choice(value) for choice in choices]
        if all(problems):
            return "", value, "anyOf [" + ", ".join(problem[2] for problem in problems if problem) + "]"
        return None

    return check


def refuse_field(owner: object, entry: tuple[str, str, Check]) -> None:
    """Raise for a field whose value failed its model's quick test, naming the rule it breaks.

    The quick test (written into __attrs_post_init__ by the template) takes exact types only; a value it turns away
    that the rule allows (an int subclass, say) passes here and is kept.
    """
    attribute, name, check = entry
    value = getattr(owner, attribute)
    problem = None if value is UNSET else check(value)
    if problem is not None:
        where, bad, rule = problem
        raise InvalidValueError(type(owner).__name__, name + where, bad, rule=rule)


# A rule on which fields an object holds together, the (JSON name, attribute) pairs it names, and its wording.
Shape = tuple[Mapping[str, Any], tuple[tuple[str, str], ...], str]


def compile_shapes(shapes: Sequence[Mapping[str, Any]], attributes: Mapping[str, str]) -> tuple[Shape, ...]:
    """The object-level rules of a model (``not``, ``oneOf``... over ``required``), with the fields each reads."""
    compiled = []
    for shape in shapes:
        names = sorted(_names(shape))
        fields = tuple((name, attributes[name]) for name in names if name in attributes)
        compiled.append((shape, fields, _describe(shape)))
    return tuple(compiled)


def refuse_shape(owner: object, entry: Shape) -> None:
    """Raise for an object whose fields do not hold together as a rule of its schema says."""
    shape, fields, text = entry
    present = {name: value for name, attribute in fields if (value := getattr(owner, attribute)) is not UNSET}
    if not _holds(shape, present):
        raise InvalidValueError(type(owner).__name__, "/".join(name for name, _ in fields), present, rule=text)


def check_additional(owner: Any, check: Check) -> None:
    """Refuse an additional property whose value breaks the spec's ``additionalProperties`` (custom SIP headers)."""
    for key, value in owner.additional_properties.items():
        problem = check(value)
        if problem is not None:
            raise InvalidValueError(type(owner).__name__, key + problem[0], problem[1], rule=problem[2])


def _holds(schema: Mapping[str, Any], present: Mapping[str, object]) -> bool:
    if any(name not in present for name in schema.get("required", ())):
        return False
    for name, sub in schema.get("properties", {}).items():
        if name in present and "enum" in sub and present[name] not in sub["enum"]:
            return False
    if "not" in schema and _holds(schema["not"], present):
        return False
    if not all(_holds(part, present) for part in schema.get("allOf", ())):
        return False
    if "anyOf" in schema and not any(_holds(part, present) for part in schema["anyOf"]):
        return False
    return "oneOf" not in schema or sum(_holds(part, present) for part in schema["oneOf"]) == 1


def _names(schema: Mapping[str, Any]) -> set[str]:
    names = set(schema.get("required", ())) | set(schema.get("properties", {}))
    for key in ("anyOf", "oneOf", "allOf"):
        for part in schema.get(key, ()):
            names |= _names(part)
    return names | (_names(schema["not"]) if "not" in schema else set())


def _describe(schema: Mapping[str, Any]) -> str:
    """The spec's own words for a rule: its description, or the titles of its choices."""
    inner = schema.get("not", {})
    if schema.get("description") or inner.get("description"):
        return "rule: " + str(schema.get("description") or inner.get("description"))
    for key, words in (("oneOf", "exactly one of"), ("anyOf", "at least one of")):
        if key in schema:
            return f"rule: {words}: " + "; ".join(str(part.get("title", dict(part))) for part in schema[key])
    return f"the rule {dict(schema)!r}"


def json_form(value: Any, kind: str) -> Any:
    """A boolean or number as JSON spells it, or as the string the NCCO reference's examples send (D32: "true",
    "45"); anything else as it is, for the model's check to refuse."""
    if not isinstance(value, str):
        return value
    if kind == "boolean" and value in ("true", "false"):
        return value == "true"
    if kind == "integer" and _JSON_INTEGER.match(value):
        return int(value)
    if kind == "number" and _JSON_NUMBER.match(value):
        return float(value) if "." in value else int(value)
    return value


__all__ = [
    "UNSET",
    "File",
    "FileTypes",
    "RequestFiles",
    "Response",
    "UnknownVariant",
    "Unset",
    "check_additional",
    "check_value",
    "check_values",
    "compile_checks",
    "compile_shapes",
    "compile_rule",
    "json_form",
    "compile_match",
    "match_uri",
    "members",
    "refuse_field",
    "refuse_shape",
    "repeats",
    "strings",
    "uri_ok",
    "read_optional_str",
    "read_str",
    "read_str_list",
]
