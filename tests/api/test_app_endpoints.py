from __future__ import annotations

from fastapi import FastAPI
from fastapi.testclient import TestClient

from .conftest import TOKEN


def test_app_lists_filters_and_pages(app: FastAPI) -> None:
    client = TestClient(app)
    articles = client.get("/api/articles").json()
    assert articles["total"] == 3
    quotes = client.get("/api/quotes", params={"who": "Beispiel", "from": "2024-04"}).json()
    assert quotes["total"] == 2 and quotes["items"][0]["speaker"] == "Jana Beispiel"
    paged = client.get("/api/quotes", params={"limit": 1, "offset": 1}).json()
    assert paged["total"] == 3 and len(paged["items"]) == 1
    events = client.get("/api/events", params={"type": "CONSULT", "medium": "morgenpost"}).json()
    assert events["total"] == 1 and events["items"][0]["recipient"] == "Olaf Muster"
    entities = client.get("/api/entities", params={"country": "XSL"}).json()
    assert [e["name"] for e in entities["items"]] == ["Südland"]
    network = client.get("/api/network").json()
    assert {e["weight"] for e in network["edges"]} == {3}
    assert client.get("/api/quotes", params={"limit": 5000}).status_code == 422


def test_app_article_by_id_and_404(app: FastAPI) -> None:
    client = TestClient(app)
    first = client.get("/api/articles").json()["items"][0]
    analysis = client.get(f"/api/articles/{first['id']}").json()
    assert analysis["article"]["id"] == first["id"] and len(analysis["quotes"]) == 1
    assert client.get("/api/articles/gibt-es-nicht").status_code == 404


def test_app_analyze_returns_analysis_and_refuses_2mb(app: FastAPI) -> None:
    client = TestClient(app)
    response = client.post("/api/analyze", json={
        "text": "Der Bürgermeister von Nordhaven eröffnete am Montag eine Schule.",
        "date": "2024-03-05"})
    assert response.status_code == 200
    body = response.json()
    assert body["article"]["date"] == "2024-03-05" and body["sentences"]
    big = client.post("/api/analyze", json={"text": "Ein Satz. " * 200_000})
    assert big.status_code == 413


def test_app_writes_refused_without_token(app: FastAPI, write_app: FastAPI) -> None:
    payload = {"articles": [{"text": "Der Stadtrat beschloss am Montag einen neuen Haushalt.",
                             "title": "Haushalt beschlossen", "medium": "Testkurier"}]}
    assert TestClient(app).post("/api/ingest", json=payload).status_code == 403
    writer = TestClient(write_app)
    assert writer.post("/api/ingest", json=payload).status_code == 401
    wrong = {"Authorization": "Bearer falsch"}
    assert writer.post("/api/ingest", json=payload, headers=wrong).status_code == 403
    right = {"Authorization": f"Bearer {TOKEN}"}
    first = writer.post("/api/ingest", json=payload, headers=right)
    assert first.status_code == 200 and first.json()["stored"] == 1
    again = writer.post("/api/ingest", json=payload, headers=right).json()
    assert again["stored"] == 0 and again["duplicate"] == 1
    media = {m["medium"] for m in writer.get("/api/media").json()}
    assert "Testkurier" in media
    assert writer.get("/api/articles").json()["total"] == 4


def test_app_serves_page_and_openapi(app: FastAPI) -> None:
    client = TestClient(app)
    page = client.get("/")
    assert page.status_code == 200 and "<script src=\"app.js\">" in page.text
    assert "http" not in client.get("/app.js").text.split("openapi")[0].replace(
        "http://www.w3.org/2000/svg", "")  # no external assets
    spec = client.get("/openapi.json").json()
    assert {"/api/analyze", "/api/articles/{article_id}", "/api/quotes", "/api/events",
            "/api/entities", "/api/ingest"} <= set(spec["paths"])
