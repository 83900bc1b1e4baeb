"""`kiosk schema` is a valid JSON Schema, committed next to the content, and the shipped files satisfy it."""

from __future__ import annotations

import json
import re
from pathlib import Path

import jsonschema
import pytest
import yaml

from kiosk.content.loader import content_files
from kiosk.content.schema import content_schema, content_schema_json
from kiosk.paths import PROJECT_ROOT

CONTENT_DIR = PROJECT_ROOT / "content"
SCHEMA_FILE = "schema/content.schema.json"  # where the content files' first line points editors
SHIPPED = content_files(CONTENT_DIR)


def test_schema_is_valid_json_schema() -> None:
    jsonschema.Draft202012Validator.check_schema(content_schema())


def test_committed_schema_is_current() -> None:
    committed = (CONTENT_DIR / SCHEMA_FILE).read_text(encoding="utf-8")
    assert committed == content_schema_json(), "run: kiosk schema --out content/schema/content.schema.json"


@pytest.mark.parametrize("path", SHIPPED, ids=lambda p: p.name)
def test_shipped_file_satisfies_the_schema_it_points_to(path: Path) -> None:
    first_line = path.read_text(encoding="utf-8").splitlines()[0]
    match = re.fullmatch(r"# yaml-language-server: \$schema=(\S+)", first_line)
    assert match, f"{path} must start with the yaml-language-server schema line"
    schema_path = (path.parent / match.group(1)).resolve()
    assert schema_path == (CONTENT_DIR / SCHEMA_FILE).resolve()
    schema = json.loads(schema_path.read_text(encoding="utf-8"))
    data = json.loads(json.dumps(yaml.safe_load(path.read_text(encoding="utf-8")), default=str))
    jsonschema.Draft202012Validator(schema).validate(data)


def test_schema_rejects_what_the_loader_rejects() -> None:
    validator = jsonschema.Draft202012Validator(content_schema())
    assert not validator.is_valid({"pillar": {"id": "x"}, "outlook": {}})
    assert not validator.is_valid({"exhibit": {"titel": {"zh": "标题"}}})
    pillar = yaml.safe_load((CONTENT_DIR / "pillars" / "1-national-strategy.yaml").read_text(encoding="utf-8"))
    pillar["pillar"]["accent"] = "red"
    assert not validator.is_valid(pillar)
