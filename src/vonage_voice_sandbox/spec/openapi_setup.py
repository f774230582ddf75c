"""openapi-core, set up so that each request costs only what depends on the request.

Left to its defaults, openapi-core re-resolves every spec node it reads, builds a jsonschema validator (with a deep
copy of its format checker) for every parameter and body, and tries every path of the spec, on every request: about
0.85 ms of a getCall's 1.2 ms in process. Here the resolved nodes are kept (the document never changes), each
schema's validator is built once, and each operation is looked up once. What is checked is unchanged:
``tests/sandbox/test_openapi_setup.py`` compares the outcomes with openapi-core's stock set-up.
"""

from __future__ import annotations

from typing import Any, Final

from jsonschema_path import SchemaPath
from openapi_core import Config, OpenAPI
from openapi_core.casting.schemas.factories import SchemaCastersFactory
from openapi_core.templating.paths.datatypes import PathOperationServer
from openapi_core.templating.paths.finders import APICallPathFinder
from openapi_core.validation.schemas.factories import SchemaValidatorsFactory
from openapi_core.validation.schemas.validators import SchemaValidator

__all__ = ["KnownPaths", "ReusedValidators", "build_openapi"]

_RESOLVED_NODES: Final = 4096  # more than the spec has nodes that requests reach
_KNOWN_PATHS: Final = 256  # (method, path template) pairs; the spec has a dozen operations


class ReusedValidators(SchemaValidatorsFactory):
    """The schema validators openapi-core would build for the spec's version, each built once per schema.

    openapi-core builds a jsonschema validator, with a deep copy of its format checker, for every parameter and body
    of every request. A jsonschema validator keeps no state between values, so reusing one checks exactly what a new
    one would. Validators built with per-call format validators are not reused.
    """

    def __init__(self, inner: SchemaValidatorsFactory) -> None:
        super().__init__(inner.schema_validator_cls, inner.format_checker)
        self._inner = inner
        self._built: dict[tuple[Any, ...], SchemaValidator] = {}
        self._documents: dict[int, object] = {}

    def create(
        self,
        spec: SchemaPath,
        schema: SchemaPath,
        format_validators: Any = None,
        extra_format_validators: Any = None,
        forbid_unspecified_additional_properties: bool = False,
        enforce_properties_required: bool = False,
    ) -> SchemaValidator:
        flags = (forbid_unspecified_additional_properties, enforce_properties_required)
        if format_validators is not None or extra_format_validators is not None:
            return self._inner.create(spec, schema, format_validators, extra_format_validators, *flags)
        # Keyed by where the schema is, in which document (kept alive here, so that its id is not reused).
        key = (id(schema.accessor), schema.parts, *flags)
        built = self._built.get(key)
        if built is None:
            built = self._built[key] = self._inner.create(spec, schema, None, None, *flags)
            self._documents[id(schema.accessor)] = schema.accessor
        return built


class KnownPaths(APICallPathFinder):
    """openapi-core's path finder, remembering what it found for each (method, path template).

    The sandbox has matched the request to its operation already and hands openapi-core the operation's path
    template (``path_pattern``) with the path parameters' values, so there are as many lookups as operations: each is
    made once, instead of every path of the spec being tried on every request."""

    def __init__(self, spec: SchemaPath, base_url: str | None = None) -> None:
        super().__init__(spec, base_url)
        self._found: dict[tuple[str, str], PathOperationServer] = {}

    def find(self, method: str, name: str) -> PathOperationServer:
        found = self._found.get((method, name))
        if found is None:
            found = super().find(method, name)  # a request it cannot find raises, and is not remembered
            if len(self._found) < _KNOWN_PATHS:
                self._found[method, name] = found
        return found


def build_openapi(document: dict[str, Any]) -> OpenAPI:
    """openapi-core for ``document``, made to do per request only what depends on the request.

    Resolved spec nodes are kept (the document never changes), and each schema's validator is built once."""
    config = Config(path_finder_cls=KnownPaths)
    try:
        spec = SchemaPath.from_dict(document, resolved_cache_maxsize=_RESOLVED_NODES)
    except TypeError:  # jsonschema-path before 0.4 has no such cache
        spec = SchemaPath.from_dict(document)
    openapi = OpenAPI(spec, config=config)
    chosen = openapi.request_validator_cls  # by the spec's version; nothing is built before the first request
    factory = getattr(chosen, "schema_validators_factory", None)
    casters = getattr(chosen, "schema_casters_factory", None)
    if isinstance(factory, SchemaValidatorsFactory) and isinstance(casters, SchemaCastersFactory):
        validators = ReusedValidators(factory)
        config.schema_validators_factory = validators
        # Parameters are cast to their schema's type, then validated, through validators of their own.
        config.schema_casters_factory = SchemaCastersFactory(validators, casters.types_caster)
    return openapi
