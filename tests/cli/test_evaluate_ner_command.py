"""`lagebild evaluate ner`: scores what lagebild outputs (NER + the entity stage's KB names) by
default, the NER model alone with `--ner-only`, and only the `--labels` asked for. The
sentence is our own, in GermEval 2014's TSV layout."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from typer.testing import CliRunner

from lagebild.cli.main import app

runner = CliRunner()

GOLD = """#\tunser Satz\t[2031-03-02]
1\tDie\tO\tO
2\tOSZE\tB-ORG\tO
3\tund\tO\tO
4\tInterfax\tB-ORG\tO
5\tmeldeten\tO\tO
6\tKämpfe\tO\tO
7\tbei\tO\tO
8\tCharkiw\tB-LOC\tO
9\t.\tO\tO

"""


@pytest.fixture(scope="module")
def gold_file(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("ner") / "gold.tsv"
    path.write_text(GOLD, encoding="utf-8")
    return path


def _evaluate(*args: str) -> dict:
    result = runner.invoke(app, ["evaluate", "ner", *args])
    assert result.exit_code == 0, result.output
    return json.loads(result.output)


def test_entity_stage_adds_knowledge_base_names(gold_file: Path) -> None:
    product = _evaluate("--data", str(gold_file))
    model = _evaluate("--data", str(gold_file), "--ner-only")
    assert product["scored"] == "ner model + entity stage"
    assert model["scored"] == "ner model"
    # the KB knows the OSCE and the news agency; the model alone misses or mislabels them
    assert product["per_type"]["ORG"]["f1"] == 1.0
    assert model["per_type"].get("ORG", {"f1": 0.0})["f1"] < 1.0
    assert product["f1"] > model["f1"]


def test_labels_restrict_the_scored_types(gold_file: Path) -> None:
    only_loc = _evaluate("--data", str(gold_file), "--labels", "LOC")
    assert set(only_loc["per_type"]) == {"LOC"}
    assert only_loc["support"] == 1
