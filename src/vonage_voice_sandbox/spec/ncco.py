"""NCCOs checked against the spec wherever they come from: inline in a request, fetched from an answer URL or a
transfer, or answered by an application's webhook (the webhook contract checker uses this very module).

The NCCO schema is the spec's union of actions (``NccoAction``), checked with the validator openapi-core uses for
request bodies, and its errors are named as request errors are (``[0].text`` "is required"). One tolerance, the same
everywhere: the real API accepts booleans and numbers written as strings (D32 in overlays/README.md: ``"true"``,
``"45"``), so schemas marked ``x-vvc-loose-scalars`` take exactly those forms, converted to the typed value and
reported as loose, while anything else (``"yes"``, ``"4 5"``) is still refused.
"""

from __future__ import annotations

import copy
import functools
from dataclasses import dataclass, field
from typing import Any, Final

from jsonschema_path import SchemaPath
from openapi_core.validation.schemas import oas30_write_schema_validators_factory
from openapi_core.validation.schemas.exceptions import InvalidSchemaValue

from .discriminators import misplaced_discriminators
from .document import SpecInfo
from .errors import InvalidParameter
from .loose import LOOSE_MARK, loosen
from .refs import RefError, follow_refs
from .validation import _leaves, _schema_errors, _schema_parameter

__all__ = ["LOOSE_MARK", "NccoCheck", "NccoChecker", "checker_for", "loosen"]

NCCO_ACTION: Final = "#/components/schemas/NccoAction"  # the union of actions (overlay 16)
_NCCO_KEY: Final = "x-vvc-ncco"  # the NCCO as a whole, added to a copy of the document


@dataclass(frozen=True)
class NccoCheck:
    """The outcome: ``ncco`` with D32's forms typed, the errors (empty: valid), and where loose forms were."""

    ncco: Any
    errors: list[InvalidParameter] = field(default_factory=list)
    loose: list[InvalidParameter] = field(default_factory=list)

    @property
    def valid(self) -> bool:
        return not self.errors

    def describe(self) -> str:
        return "; ".join(f"{error.name}: {error.reason}" for error in self.errors)


class NccoChecker:
    """Checks NCCOs for one spec; build once (see :func:`checker_for`)."""

    def __init__(self, spec: SpecInfo) -> None:
        document = copy.deepcopy(spec.document)
        document.setdefault("components", {}).setdefault("schemas", {})[_NCCO_KEY] = {
            "type": "array",
            "minItems": 1,
            "items": {"$ref": NCCO_ACTION},
        }
        self._document = document
        path = SchemaPath.from_dict(document)
        self._schema = document["components"]["schemas"][_NCCO_KEY]
        self._validator = oas30_write_schema_validators_factory.create(
            path, path / "components" / "schemas" / _NCCO_KEY
        )

    def resolve(self, node: Any) -> Any:
        try:
            return follow_refs(self._document, node)
        except RefError:
            return {}

    def check(self, ncco: Any) -> NccoCheck:
        """Check ``ncco`` (parsed JSON); errors are named from the NCCO's root (``[0].text``)."""
        value, found = loosen(self.resolve, self._schema, ncco, always=True)
        loose = [_rooted(item) for item in found]
        try:
            self._validator.validate(value)
        except InvalidSchemaValue as exc:
            errors = [_schema_parameter(leaf) for leaf in _leaves(_schema_errors(exc))]
            return NccoCheck(value, [_rooted(error) for error in errors], loose)
        except TypeError:  # a discriminator holding a list or an object
            found = misplaced_discriminators(self.resolve, self._schema, value)
            return NccoCheck(value, [_rooted(error) for error in found] or [_unreadable()], loose)
        return NccoCheck(value, [], loose)


@functools.lru_cache(maxsize=8)
def checker_for(spec: SpecInfo) -> NccoChecker:
    return NccoChecker(spec)


def _rooted(error: InvalidParameter) -> InvalidParameter:
    """Names from the NCCO's root: ``[0].text`` (the request validator's ``body`` means the whole NCCO)."""
    name = error.name
    return InvalidParameter("ncco" if name == "body" else f"ncco{name}" if name.startswith("[") else name, error.reason)


def _unreadable() -> InvalidParameter:
    return InvalidParameter("ncco", "is not a valid NCCO")
