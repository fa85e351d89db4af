"""The JSON Schemas of scenario files and mod cards, for editors (completion, checks and hovers)."""

from __future__ import annotations

import json
from typing import Any

from pydantic import BaseModel

from game.scenario.schema import ModInfo, Scenario

TITLES: dict[str, tuple[type[BaseModel], str]] = {
    "scenario": (Scenario, "Bilateral scenario"),
    "mod": (ModInfo, "Bilateral mod card (mod.yaml)"),
}


def json_schema(kind: str = "scenario") -> dict[str, Any]:
    model, title = TITLES[kind]
    schema = model.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = title
    return schema


def json_schema_text(kind: str = "scenario") -> str:
    return json.dumps(json_schema(kind), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
