"""The JSON Schema of scenario files, for editors (completion, checks and hovers)."""

from __future__ import annotations

import json
from typing import Any

from game.scenario.schema import Scenario


def scenario_json_schema() -> dict[str, Any]:
    schema = Scenario.model_json_schema(by_alias=True)
    schema["$schema"] = "https://json-schema.org/draft/2020-12/schema"
    schema["title"] = "Bilateral scenario"
    return schema


def scenario_json_schema_text() -> str:
    return json.dumps(scenario_json_schema(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"
