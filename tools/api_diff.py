"""Python API changes between two generated ``vonage_voice_api`` packages, each classified breaking or not.

Both packages are loaded statically with griffe from two folders (each holding a ``vonage_voice_api``), never
imported. ``griffe.find_breaking_changes`` finds removed objects, removed or newly required parameters, changed
defaults and parameter kinds. griffe 2 does not compare annotations or attribute values, and knows nothing of
attrs, so three checks are added here for what openapi-python-client emits:

* annotations of attributes, parameters and return values: a union that gains members widens (fine for a
  parameter, not for a return value), one that loses members narrows, anything else changes (breaking);
* ``X = Literal[...]`` type aliases (the string enums): removed values break, added values do not. The derived
  ``X_VALUES`` sets repeat the same information and are skipped;
* ``@_attrs_define`` model classes: a field without a default is a required constructor argument, so a new field
  without a default, or a default that disappears, breaks.

Additions (new modules, classes, functions, attributes) are listed, not breaking.
"""

from __future__ import annotations

import ast
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path
from typing import Any

import griffe

from tools.change_report import Change

PACKAGE = "vonage_voice_api"
Objects = dict[str, Any]  # path -> griffe object (griffe ships no stubs mypy can use here)


def diff_packages(old_folder: Path, new_folder: Path) -> list[Change]:
    """Every Python API change from the package in ``old_folder`` to the one in ``new_folder``, breaking first."""
    old, new = _load(old_folder), _load(new_folder)
    old_objects, new_objects = _public_objects(old), _public_objects(new)
    breakages = [b for b in griffe.find_breaking_changes(old, new) if not _covered(b, old_objects, new_objects)]
    changes = [_from_breakage(breakage, old_objects) for breakage in breakages]
    for path in sorted(old_objects.keys() & new_objects.keys()):
        changes += _object_changes(path, old_objects[path], new_objects[path])
    changes += _additions(old_objects, new_objects)
    changes = [replace(change, where=_short(change.where)) for change in changes]
    return sorted(changes, key=lambda change: (not change.breaking, change.where, change.what))


def _load(folder: Path) -> Any:
    # Static analysis only: the generated code is never executed, and the two versions cannot collide in sys.modules.
    return griffe.load(PACKAGE, search_paths=[str(folder)], allow_inspection=False, resolve_aliases=False)


def _public_objects(module: Any) -> Objects:
    """Public modules, classes, functions and attributes by path; imported names (aliases) are not walked."""
    found: Objects = {}
    pending = [module]
    while pending:
        for member in pending.pop().members.values():
            if member.is_alias or not member.is_public or _is_derived(member):
                continue
            found[member.path] = member
            if member.is_module or member.is_class:
                pending.append(member)
    return found


def _is_derived(obj: Any) -> bool:
    # `X_VALUES: set[X]` repeats the Literal alias X; `T = TypeVar(...)` is a generator-internal helper.
    annotation = str(obj.annotation) if obj.is_attribute and obj.annotation is not None else ""
    return (obj.name.endswith("_VALUES") and annotation.startswith("set[")) or obj.name == "T"


def _from_breakage(breakage: Any, old_objects: Objects) -> Change:
    kinds = griffe.BreakageKind
    old, new, where = breakage.old_value, breakage.new_value, breakage.obj.path
    if breakage.kind is kinds.OBJECT_REMOVED:
        what, where = ("name", where) if breakage.obj.is_alias else _describe(breakage.obj, old_objects)
        return Change("removed", what, where, "", True)
    if breakage.kind is kinds.PARAMETER_REMOVED:
        return Change("removed", "parameter", f"{where}({old.name})", "", True)
    if breakage.kind is kinds.PARAMETER_ADDED_REQUIRED:
        return Change("added", "required parameter", f"{where}({new.name})", "", True)
    if breakage.kind is kinds.PARAMETER_CHANGED_REQUIRED:
        return Change("changed", "parameter", f"{where}({old.name})", "now required", True)
    if breakage.kind is kinds.PARAMETER_CHANGED_DEFAULT:
        return Change("changed", "default", f"{where}({old.name})", f"{old.default} → {new.default}", True)
    return Change("changed", breakage.kind.value, where, breakage.explain().split(": ", 1)[-1].strip(), True)


def _covered(breakage: Any, old_objects: Objects, new_objects: Objects) -> bool:
    """True for the removal of a re-exported name (``models.X``) whose target is itself reported removed."""
    obj = breakage.obj
    if breakage.kind is not griffe.BreakageKind.OBJECT_REMOVED or not obj.is_alias:
        return False
    return obj.target_path in old_objects and obj.target_path not in new_objects


def _object_changes(path: str, old: Any, new: Any) -> list[Change]:
    if old.kind != new.kind:
        return []  # griffe reports kind changes
    if old.is_attribute:
        return list(_attribute_changes(path, old, new))
    if old.is_function:
        return list(_function_changes(path, old, new))
    if old.is_class and _is_attrs_model(old) and _is_attrs_model(new):
        return list(_attrs_changes(path, old, new))
    return []


def _attribute_changes(path: str, old: Any, new: Any) -> Iterator[Change]:
    before, after = _text(old.annotation), _text(new.annotation)
    if before != after:
        yield from _annotation_change(path, before, after, in_model=old.parent.is_class and _is_attrs_model(old.parent))
    old_value, new_value = _text(old.value), _text(new.value)
    if old.annotation is None and old_value.startswith("Literal[") and old_value != new_value:
        yield from _literal_changes(path, old_value, new_value)


def _annotation_change(path: str, before: str, after: str, *, in_model: bool) -> Iterator[Change]:
    old_members, new_members = set(_members(_parse(before))), set(_members(_parse(after)))
    relation = compare_types(before, after)
    if in_model and old_members - new_members == {"Unset"} and not new_members - old_members:
        return  # the field lost its UNSET default: _attrs_changes says whether it became required
    # A model attribute is written (requests) and read (responses): a widening is safe unless it admits an absent
    # or null value, which code reading the attribute must now handle.
    breaking = relation != "widened" or bool(new_members & {"Unset", "None"} - old_members)
    yield Change("changed", "type", path, f"{before} → {after} ({relation})", breaking)


def _literal_changes(path: str, old: str, new: str) -> Iterator[Change]:
    before, after = _members(_parse(old)), _members(_parse(new))
    removed, added = [m for m in before if m not in after], [m for m in after if m not in before]
    if removed:
        yield Change("removed", "enum value", path, ", ".join(_literal_value(m) for m in removed), True)
    if added:
        yield Change("added", "enum value", path, ", ".join(_literal_value(m) for m in added), False)


def _literal_value(member: str) -> str:
    return member.removeprefix("Literal[").removesuffix("]")


def _function_changes(path: str, old: Any, new: Any) -> Iterator[Change]:
    new_params = {param.name: param for param in new.parameters}
    for param in old.parameters:
        if param.name in new_params and _text(param.annotation) != _text(new_params[param.name].annotation):
            before, after = _text(param.annotation), _text(new_params[param.name].annotation)
            relation = compare_types(before, after)
            detail = f"{before} → {after} ({relation})"
            yield Change("changed", "parameter type", f"{path}({param.name})", detail, relation != "widened")
    if old.returns is not None and _text(old.returns) != _text(new.returns):
        relation = compare_types(_text(old.returns), _text(new.returns))
        detail = f"{_text(old.returns)} → {_text(new.returns)} ({relation})"
        yield Change("changed", "return type", path, detail, relation != "narrowed")


def _is_attrs_model(cls: Any) -> bool:
    return any("attrs_define" in _text(decorator.value) for decorator in cls.decorators)


def _init_fields(cls: Any) -> dict[str, bool]:
    """The attrs constructor arguments of ``cls``: name -> required (no default)."""
    fields = {}
    for name, member in cls.members.items():
        if member.is_alias or not member.is_attribute or "property" in member.labels or member.annotation is None:
            continue
        if "init=False" in _text(member.value) or name.startswith("_"):
            continue
        fields[name] = member.value is None
    return fields


def _attrs_changes(path: str, old: Any, new: Any) -> Iterator[Change]:
    before, after = _init_fields(old), _init_fields(new)
    for name, required in after.items():
        if required and name not in before:
            yield Change("added", "required field", f"{path}.{name}", "a new required constructor argument", True)
        elif required and not before.get(name, True):
            yield Change("changed", "field", f"{path}.{name}", "now required (no default)", True)
        elif not required and before.get(name):
            yield Change("changed", "field", f"{path}.{name}", "now optional", False)
    for name in before.keys() & after.keys():
        old_default, new_default = _text(old.members[name].value), _text(new.members[name].value)
        if not before[name] and not after[name] and old_default != new_default:
            # UNSET -> a value: callers that leave it out now send the value, which the spec says is the default.
            detail, breaking = f"{old_default} → {new_default}", old_default != "UNSET"
            yield Change("changed", "default", f"{path}.{name}", detail, breaking)


def _additions(old: Objects, new: Objects) -> list[Change]:
    added = sorted(new.keys() - old.keys())
    changes = []
    for path in added:
        obj = new[path]
        if path.rsplit(".", 1)[0] in added or _is_new_required_field(obj):
            continue  # covered by the parent's addition, or reported as breaking by _attrs_changes
        what, where = _describe(obj, new)
        children = [p.rsplit(".", 1)[1] for p in added if p.rsplit(".", 1)[0] == path and new[p].is_module]
        changes.append(Change("added", what, where, ", ".join(children), False))
    return changes


def _is_new_required_field(obj: Any) -> bool:
    parent = obj.parent
    return bool(obj.is_attribute and parent.is_class and _is_attrs_model(parent) and _init_fields(parent).get(obj.name))


def _describe(obj: Any, objects: Objects) -> tuple[str, str]:
    """What to call an object in the report: a model module holding one class or enum is named by it."""
    if obj.is_module and obj.path.startswith(f"{PACKAGE}.models."):
        inside = [objects[p] for p in objects if p.rsplit(".", 1)[0] == obj.path]
        main = [o for o in inside if o.is_class or (o.is_attribute and _text(o.value).startswith("Literal["))]
        if len(main) == 1:
            return ("class" if main[0].is_class else "enum"), main[0].path
    return str(obj.kind.value), obj.path


def _short(path: str) -> str:
    """``vonage_voice_api.models.endpoint_sip.EndpointSip.uri`` -> ``models.EndpointSip.uri`` (re-exported there)."""
    parts = path.removeprefix(f"{PACKAGE}.").split(".")
    return ".".join(["models", *parts[2:]] if parts[0] == "models" and len(parts) > 2 else parts)


# ---- comparing annotations ----------------------------------------------------------------------------------


def compare_types(old: str, new: str) -> str:
    """``same``, ``widened`` (new accepts every old value), ``narrowed`` (the reverse) or ``changed``."""
    return _relation(_parse(old), _parse(new))


def _relation(old: ast.expr | None, new: ast.expr | None) -> str:
    if old is None or new is None:
        return "same" if old is None and new is None else "changed"
    before, after = _members(old), _members(new)
    if before == after:
        return "same"
    if len(before) == 1 and len(after) == 1:
        return _generic_relation(old, new)
    if set(before) < set(after):
        return "widened"
    if set(after) < set(before):
        return "narrowed"
    return "changed"


def _generic_relation(old: ast.expr, new: ast.expr) -> str:
    # list[A | B] vs list[A | B | C]: same container, compare the arguments.
    if not (isinstance(old, ast.Subscript) and isinstance(new, ast.Subscript)):
        return "changed"
    if ast.unparse(old.value) != ast.unparse(new.value) or ast.unparse(old.value) == "Literal":
        return "changed"
    old_args = old.slice.elts if isinstance(old.slice, ast.Tuple) else [old.slice]
    new_args = new.slice.elts if isinstance(new.slice, ast.Tuple) else [new.slice]
    if len(old_args) != len(new_args):
        return "changed"
    relations = {_relation(a, b) for a, b in zip(old_args, new_args, strict=True)} - {"same"}
    return relations.pop() if len(relations) == 1 else "changed"


def _members(node: ast.expr | None) -> list[str]:
    """The members of a union (``A | B``, ``Union[A, B]``, ``Optional[A]``, ``Literal['a', 'b']``), as text."""
    if node is None:
        return []
    if isinstance(node, ast.BinOp) and isinstance(node.op, ast.BitOr):
        return _members(node.left) + [m for m in _members(node.right) if m not in _members(node.left)]
    if isinstance(node, ast.Subscript):
        base = ast.unparse(node.value).rsplit(".", 1)[-1]
        args = node.slice.elts if isinstance(node.slice, ast.Tuple) else [node.slice]
        if base == "Union":
            return [m for arg in args for m in _members(arg)]
        if base == "Optional":
            return [*_members(args[0]), "None"]
        if base == "Literal":
            return [f"Literal[{ast.unparse(arg)}]" for arg in args]
    return [ast.unparse(node)]


def _parse(text: str) -> ast.expr | None:
    if not text:
        return None
    try:
        return ast.parse(text, mode="eval").body
    except SyntaxError:
        return ast.Name(id=text)


def _text(value: Any) -> str:
    return "" if value is None else str(value)
