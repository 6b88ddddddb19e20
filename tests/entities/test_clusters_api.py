"""`EntityCluster.to_dict`, `cluster_at` and stable local ids."""

from __future__ import annotations

from lagebild.entities.clusters import EntityCluster, Mention, cluster_at, local_id, mention_at
from tests.entities.helpers import MakeDoc


def test_local_id_is_stable_and_name_dependent() -> None:
    assert local_id("Anna Beispiel") == local_id("Anna Beispiel")
    assert local_id("Anna Beispiel") != local_id("Berta Beispiel")
    assert local_id("Anna Beispiel").startswith("L-")


def test_to_dict_lists_offices_and_mentions_in_text_order() -> None:
    cluster = EntityCluster(
        id="test:x",
        name="X",
        type="PER",
        kb_id="test:x",
        offices=["Präsident"],
        mentions=[
            Mention("er", 20, 22, "pronoun"),
            Mention("Präsident X", 0, 11, "name", "Präsident"),
        ],
    )
    data = cluster.to_dict()
    assert data["offices"] == ["Präsident"]
    assert [m["start"] for m in data["mentions"]] == [0, 20]
    assert data["mentions"][0]["role"] == "Präsident"
    assert "role" not in data["mentions"][1]


def test_cluster_at_finds_the_cluster_of_an_overlapping_span(analyse: MakeDoc) -> None:
    text = "Teodor Ostrava reiste ab. Er kam am Abend an."
    doc = analyse(text)
    start = text.index("Er ")
    cluster = cluster_at(doc, start, start + 2)
    assert cluster is not None and cluster.kb_id == "test:ostrava"
    found = mention_at(doc, start, start + 2)
    assert found is not None and found[1].kind == "pronoun"
    assert cluster_at(doc, text.index("Abend"), text.index("Abend") + 5) is None
