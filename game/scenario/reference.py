"""The field reference of docs/modding.md, written from the JSON Schema so the two cannot drift.

Every section is one object of the format (a scenario's top level, `meta`, `regions[]`, ...),
every row one field: its name, type, range, default and meaning. A test fails when the document
holds another text than this module writes: run `python -m game docs` after changing the schema.
"""

from __future__ import annotations

import json
from collections import deque
from typing import Any

from game import data
from game.scenario.schema import ModInfo, Scenario

MODDING_GUIDE = data.modding_guide()
START = "<!-- reference:start (written by `python -m game docs`; edit game/scenario/schema.py instead) -->"
END = "<!-- reference:end -->"
ID_PATTERN = "^[a-z][a-z0-9_]{0,39}$"
COLOUR_PATTERN = "^#[0-9a-fA-F]{6}$"
WORDS = {
    "Text": "text in every language: `{en: ..., pl: ...}`",
    "LongTextL10n": "longer text: `{en: ..., pl: ...}`",
}


def reference_markdown() -> str:
    """The whole reference: the scenario file, then mod.yaml."""
    parts = [
        _file_sections(Scenario.model_json_schema(by_alias=True), "Scenario files", ""),
        _file_sections(ModInfo.model_json_schema(by_alias=True), "mod.yaml", "mod."),
    ]
    return "\n".join(parts)


def _file_sections(schema: dict[str, Any], title: str, path_prefix: str) -> str:
    defs: dict[str, Any] = schema.get("$defs", {})
    lines = [f"### {title}", ""]
    queue: deque[tuple[str, dict[str, Any]]] = deque([("(top level)", schema)])
    named: dict[str, str] = {}  # definition -> the path it is documented under
    while queue:
        path, node = queue.popleft()
        if path != "(top level)":
            lines += [f"#### `{path}`", ""]
        if node.get("description"):
            lines += [_one_line(node["description"]), ""]
        lines += ["| field | type | range | default | meaning |", "|---|---|---|---|---|"]
        required = set(node.get("required", []))
        for name, field in node.get("properties", {}).items():
            child = f"{path_prefix}{name}" if path == "(top level)" else f"{path}.{name}"
            ref, is_list = _object_ref(field)
            if ref is not None and ref not in WORDS:
                child += "[]" if is_list else ""
                if ref not in named:
                    named[ref] = child
                    queue.append((child, defs[ref]))
            lines.append(
                "| "
                + " | ".join(
                    [
                        f"`{name}`",
                        _type(field, named),
                        _range(field),
                        _default(field, name in required),
                        _one_line(field.get("description") or _described(field, defs)),
                    ]
                )
                + " |"
            )
        lines.append("")
    return "\n".join(lines)


def _object_ref(field: dict[str, Any]) -> tuple[str | None, bool]:
    """The definition a field holds (directly, optionally, or as list items), and whether as a list."""
    for option in field.get("anyOf", [field]):
        if "$ref" in option:
            return option["$ref"].split("/")[-1], False
        items = option.get("items", {})
        if "$ref" in items:
            return items["$ref"].split("/")[-1], True
    return None, False


def _type(field: dict[str, Any], named: dict[str, str]) -> str:
    options = [o for o in field.get("anyOf", [field]) if o.get("type") != "null"]
    text = " or ".join(_one_type(o, named) for o in options)
    return text + (" (may be left out)" if len(options) < len(field.get("anyOf", [])) else "")


def _one_type(node: dict[str, Any], named: dict[str, str]) -> str:
    if "$ref" in node:
        ref = node["$ref"].split("/")[-1]
        if ref in WORDS:
            return WORDS[ref]
        path = named.get(ref, ref)
        return f"[object](#{_anchor(path)})"
    if "const" in node:
        return f"always `{json.dumps(node['const'])}`"
    if "enum" in node:
        return "one of " + ", ".join(f"`{v}`" for v in node["enum"])
    kind = node.get("type")
    if kind == "array":
        return "list of " + _one_type(node.get("items", {}), named)
    if kind == "string":
        pattern = node.get("pattern")
        if pattern == ID_PATTERN:
            return "id"
        if pattern == COLOUR_PATTERN:
            return 'colour `"#rrggbb"`'
        return "text"
    return {"integer": "whole number", "number": "number", "boolean": "`true` or `false`"}.get(
        str(kind), "value"
    )


def _range(field: dict[str, Any]) -> str:
    node = next((o for o in field.get("anyOf", [field]) if o.get("type") != "null"), field)
    parts = []
    if "minimum" in node or "maximum" in node:
        parts.append(f"{_number(node.get('minimum', '…'))} – {_number(node.get('maximum', '…'))}")
    if "minItems" in node or "maxItems" in node:
        low, high = node.get("minItems", 0), node.get("maxItems")
        parts.append(f"{low}–{high} items" if high is not None else f"at least {low} items")
    if "minLength" in node or "maxLength" in node:
        parts.append(f"{node.get('minLength', 0)}–{node.get('maxLength', '…')} characters")
    return "; ".join(parts)


def _default(field: dict[str, Any], required: bool) -> str:
    if required:
        return "required"
    if "default" not in field:
        return "empty" if field.get("type") == "array" else "its fields' defaults"
    value = field["default"]
    if value is None:
        return "absent"
    return f"`{json.dumps(value, ensure_ascii=False)}`"


def _described(field: dict[str, Any], defs: dict[str, Any]) -> str:
    """An object field's meaning, from its definition's own description."""
    ref, _is_list = _object_ref(field)
    return str(defs.get(ref or "", {}).get("description", ""))


def _number(value: object) -> str:
    return f"{value:g}" if isinstance(value, float) else str(value)


def _one_line(text: str) -> str:
    return " ".join(text.split()).replace("|", "\\|")


def _anchor(path: str) -> str:
    """GitHub's anchor of a heading `path` (in backticks): lower case, punctuation dropped."""
    return "".join(c for c in path.lower() if c.isalnum() or c in "-_ ").replace(" ", "-")


def with_reference(document: str) -> str:
    """The document with the text between the reference markers written anew."""
    head, start, rest = document.partition(START)
    _old, end, tail = rest.partition(END)
    if not start or not end:
        raise ValueError("the document has no reference markers")
    return f"{head}{START}\n\n{reference_markdown()}\n{END}{tail}"
