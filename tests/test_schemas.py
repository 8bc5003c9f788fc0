"""`briefs schema`: JSON Schemas and the field reference, generated and committed.

The schemas must agree with the validator: they accept the repository's content
and reject the same kinds of bad input (those a single file can show).
"""

from __future__ import annotations

import fnmatch
import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from conftest import REPOSITORY, Project
from policy_briefs.cli import main
from policy_briefs.jsonschemas import FIELD_HELP, KINDS, json_schema, reference_markdown, schema_files
from policy_briefs.loader import split_front_matter
from policy_briefs.messages import field_names
from policy_briefs.validate import load_project
from policy_briefs.yamlsource import load_yaml

jsonschema = pytest.importorskip("jsonschema", reason="install the test extra: pip install -e '.[test]'")

SCHEMAS = REPOSITORY / "schemas"
REFERENCE = REPOSITORY / "docs" / "reference.md"


def kind_of(rel: str):
    """The file kind of a path relative to the project (None for non-content files)."""
    for kind in KINDS:
        if fnmatch.fnmatch(rel, kind.files) and not (kind.key == "article" and rel.endswith(".yml")):
            return kind
    return None


def data_of(root: Path, rel: str):
    """A content file's YAML data, parsed as the validator parses it."""
    text = (root / rel).read_text(encoding="utf-8")
    if rel.endswith(".md"):
        text = split_front_matter(text, rel)[0]
    return load_yaml(text, rel).data


def errors(root: Path, rel: str) -> list[str]:
    validator = jsonschema.Draft7Validator(json_schema(kind_of(rel)))
    return [f"{'/'.join(map(str, e.absolute_path))}: {e.message}" for e in validator.iter_errors(data_of(root, rel))]


def content_files(root: Path) -> list[str]:
    return sorted(p.relative_to(root).as_posix() for p in (root / "briefs").rglob("*") if p.is_file())


# -- generated, committed, up to date ---------------------------------------------------------


def test_committed_schemas_are_the_generated_ones():
    generated = schema_files()
    committed = {p.name for p in SCHEMAS.glob("*.json")}
    assert committed == set(generated), "run `briefs schema` and commit schemas/"
    for name, text in generated.items():
        assert (SCHEMAS / name).read_text(encoding="utf-8") == text, f"schemas/{name} is out of date: run `briefs schema`"


def test_committed_reference_is_the_generated_one():
    assert REFERENCE.read_text(encoding="utf-8") == reference_markdown(), "docs/reference.md is out of date: run `briefs schema`"


def test_schema_command_writes_and_checks(empty_site: Path):
    runner = CliRunner()
    result = runner.invoke(main, ["schema", "--project", str(empty_site), "--check"])
    assert result.exit_code == 1 and "out of date" in result.output
    result = runner.invoke(main, ["schema", "--project", str(empty_site)])
    assert result.exit_code == 0, result.output
    assert sorted(p.name for p in (empty_site / "schemas").iterdir()) == sorted(schema_files())
    assert (empty_site / "docs" / "reference.md").is_file()
    result = runner.invoke(main, ["schema", "--project", str(empty_site), "--check"])
    assert result.exit_code == 0, result.output


def test_schema_command_out_and_no_reference(empty_site: Path):
    result = CliRunner().invoke(main, ["schema", "--project", str(empty_site), "--out", str(empty_site / "elsewhere"), "--no-reference"])
    assert result.exit_code == 0, result.output
    assert len(list((empty_site / "elsewhere").glob("*.schema.json"))) == len(KINDS)
    assert not (empty_site / "docs").exists()


@pytest.mark.parametrize("kind", KINDS, ids=lambda k: k.key)
def test_schemas_are_valid_json_schemas(kind):
    schema = json.loads((SCHEMAS / kind.filename).read_text(encoding="utf-8"))
    jsonschema.Draft7Validator.check_schema(schema)
    assert schema["$schema"] == "http://json-schema.org/draft-07/schema#"


def test_every_field_has_help():
    for kind in KINDS:
        schema = json_schema(kind)
        for owner in [schema, *schema.get("$defs", {}).values()]:
            for name, prop in owner.get("properties", {}).items():
                assert prop.get("description"), f"{kind.key}: field '{name}' has no help text"


def test_help_names_only_real_fields():
    models = {kind.model.__name__: kind.model for kind in KINDS}
    names = set().union(*(field_names(model) for model in models.values()))
    for model_name, fields in FIELD_HELP.items():
        assert set(fields) <= names, f"{model_name}: help for fields that do not exist: {set(fields) - names}"


# -- they accept the content -------------------------------------------------------------------


def test_schemas_accept_the_repository_content():
    files = [rel for rel in content_files(REPOSITORY) if kind_of(rel)]
    assert len(files) > 30
    for rel in files:
        assert errors(REPOSITORY, rel) == [], rel


def test_schemas_accept_the_test_fixture(mini: Project):
    for rel in content_files(mini.root):
        assert errors(mini.root, rel) == [], rel


def test_schemas_accept_a_bare_year(mini: Project):
    mini.replace("articles/forum-talks.md", "published: 2016-05-04", "published: 2016")
    assert errors(mini.root, "briefs/articles/forum-talks.md") == []


def test_a_language_tag_is_taken_in_any_case(mini: Project):
    """BCP 47 tags are case-insensitive: `RU` and `ZH-cn` name what `ru` and `zh-CN` do."""
    mini.replace("articles/forum-talks.annotations.yml", "        url: https://example.org/arf", "        lang: RU\n        url: https://example.org/arf\n      - title: Other\n        lang: ZH-cn\n        url: https://example.org/zh")
    assert load_project(mini.root).problems == []
    assert errors(mini.root, "briefs/articles/forum-talks.annotations.yml") == []


# -- and reject what the validator rejects -------------------------------------------------------

ART = "articles/forum-talks.md"
ANN = "articles/forum-talks.annotations.yml"
EAS = "glossary/eas.yml"
RUSSIA = "actors/russia.yml"

# (file, old text, new text): one mistake each, all of which `briefs check` reports too.
BAD_INPUT = {
    "unknown field": (EAS, "related: [arf]", "relatd: [arf]"),
    "unknown nested field": (ART, "publisher: Example Review", "publsher: Example Review"),
    "unknown annotation field": (ANN, "    terms: [arf]", "    trems: [arf]"),
    "bad annotation id": (ANN, "id: forum-met", "id: Forum_Met"),
    "bad tag": (ART, "tags: [southeast-asia, defence]", "tags: [southeast-asia, South East--Asia]"),
    "bad author id": (ART, "authors: [jane-roe", "authors: [Jane Roe"),
    "bad date format": (ART, "published: 2016-05-04", "published: May 2016"),
    "month that does not exist": (ART, "published: 2016-05-04", "published: 2016-13"),
    "bad url": (ART, "url: https://example.org/forum-talks", "url: example.org/forum-talks"),
    "language written as a name": (ANN, "        url: https://example.org/arf", "        lang: Russian\n        url: https://example.org/arf"),
    "wrong annotation kind": (ANN, "kind: claim", "kind: claims"),
    "wrong actor type": (RUSSIA, "type: state", "type: stat"),
    "bad verdict": (ANN, "verdict: accurate", "verdict: true"),
    "missing required field": (RUSSIA, "type: state\n", ""),
    "missing nested required field": (ART, "  publisher: Example Review\n", ""),
    "empty required text": (EAS, "term: EAS", 'term: ""'),
    "blank required text": (RUSSIA, "name: Russia", 'name: "   "'),
    "text a page does not show": (RUSSIA, "name: Russia", 'name: "\\u200b\\u00ad"'),
    "an alias a page does not show": (RUSSIA, "aliases: [Moscow, Kremlin]", 'aliases: [Moscow, "\\u2060"]'),
    "null required Markdown": (EAS, "definition: |\n  The East Asia Summit is a leaders’ forum. It first met in 2005.\n", "definition:\n"),
    "number where text belongs": (RUSSIA, "name: Russia", "name: 42"),
    "text where a list belongs": (RUSSIA, "aliases: [Moscow, Kremlin]", "aliases: Moscow"),
    "quotation without speaker": (ANN, "    speaker: jane-roe\n", ""),
    "fact-check without verdict": (ANN, "    verdict: accurate\n", ""),
    "fact-check without body": (ANN, "    body: It does meet again.\n", ""),
    "claim without body": (ANN, "    body: A claim about agreement.\n", ""),
    "speaker on a question": (ANN, "    body: Which delegates?\n", "    body: Which delegates?\n    speaker: jane-roe\n"),
    "verdict on a claim": (ANN, "    body: A claim about agreement.\n", "    body: A claim about agreement.\n    verdict: accurate\n"),
    "source without url": (ANN, "        url: https://example.org/arf\n", ""),
    "annotations not a list": (ANN, None, "annotations: {id: x}\n"),
    "a list instead of fields": (RUSSIA, None, "- name: Russia\n"),
}


@pytest.mark.parametrize("case", list(BAD_INPUT))
def test_schemas_reject_bad_input(mini: Project, case: str):
    rel, old, new = BAD_INPUT[case]
    if old is None:
        mini.write(rel, new)
    else:
        mini.replace(rel, old, new)
    assert load_project(mini.root).problems, f"the validator accepts '{case}'"
    assert errors(mini.root, f"briefs/{rel}"), f"the schema accepts '{case}'"


# -- wired to the YAML files for editors -----------------------------------------------------


def test_vscode_settings_wire_each_yaml_kind():
    settings = json.loads((REPOSITORY / ".vscode" / "settings.json").read_text(encoding="utf-8"))
    wired = settings["yaml.schemas"]
    expected = {f"./schemas/{kind.filename}": kind.files for kind in KINDS if kind.wired}
    assert wired == expected
    for schema, glob in wired.items():
        assert (REPOSITORY / schema).is_file()
        matched = [rel for rel in content_files(REPOSITORY) if fnmatch.fnmatch(rel, glob)]
        assert matched, f"{glob} matches no file"
        assert all(kind_of(rel).filename == Path(schema).name for rel in matched)
    recommended = json.loads((REPOSITORY / ".vscode" / "extensions.json").read_text(encoding="utf-8"))["recommendations"]
    assert "redhat.vscode-yaml" in recommended


def test_reference_lists_every_field():
    text = reference_markdown()
    for kind in KINDS:
        for name in kind.model.model_fields:
            assert f"`{name}`" in text or f".{name}`" in text or f"[].{name}`" in text, name
    assert "| `quotation` | `speaker` | `verdict` |" in text
