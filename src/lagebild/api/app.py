"""The FastAPI application: read endpoints over a lagebild database, analysis on demand,
an optional token-protected ingest endpoint, and the static web page at `/`.

Safe by default: `lagebild serve` binds to 127.0.0.1, request bodies are size-limited (413
above the limit, checked before the body is parsed), and writing needs both `--allow-write`
and a bearer token.
"""

from __future__ import annotations

import secrets
from collections.abc import Awaitable, Callable
from functools import lru_cache
from importlib import resources
from typing import Annotated, Any

from fastapi import Depends, FastAPI, HTTPException, Query, Request, Response
from fastapi.responses import JSONResponse
from fastapi.security import HTTPAuthorizationCredentials, HTTPBearer
from fastapi.staticfiles import StaticFiles
from pydantic import BaseModel, Field
from spacy.language import Language
from sqlalchemy import Engine

from lagebild.read.article import Article
from lagebild.store import queries
from lagebild.store.database import open_database, store_analysis

DEFAULT_MAX_BYTES = 1024 * 1024
BEARER = HTTPBearer(auto_error=False)


class ArticleIn(BaseModel):
    """An article to analyse: its text and what is known about it."""

    text: str = Field(min_length=1, description="Article text; blank lines separate paragraphs.")
    title: str | None = None
    date: str | None = Field(None, description="ISO date at any precision, e.g. 2024-02-16.")
    url: str | None = None
    id: str | None = None
    medium: str | None = None


class IngestIn(BaseModel):
    """Articles to analyse and store."""

    articles: list[ArticleIn] = Field(min_length=1, max_length=1000)


class IngestedOut(BaseModel):
    id: str
    stored: bool


class IngestOut(BaseModel):
    stored: int
    duplicate: int
    articles: list[IngestedOut]


class PageOut(BaseModel):
    """One page of results: `items`, and `total` rows matching the filters."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


def filters(
    who: Annotated[str | None, Query(description="Speaker/actor/entity: name or id.")] = None,
    type: Annotated[str | None, Query(description="Quote, event or entity type.")] = None,
    date_from: Annotated[str | None, Query(alias="from", max_length=32)] = None,
    date_to: Annotated[str | None, Query(alias="to", max_length=32)] = None,
    medium: Annotated[str | None, Query(max_length=255)] = None,
    country: Annotated[str | None, Query(max_length=3, description="ISO-3.")] = None,
    q: Annotated[str | None, Query(max_length=500, description="Full-text query.")] = None,
    article: Annotated[str | None, Query(max_length=255)] = None,
    limit: Annotated[int, Query(ge=0, le=queries.MAX_LIMIT)] = 50,
    offset: Annotated[int, Query(ge=0, le=10**9)] = 0,
) -> queries.Filters:
    """The query parameters every list endpoint shares."""
    return queries.Filters(who=who, type=type, date_from=date_from, date_to=date_to,
                           medium=medium, country=country, text=q or None, article=article,
                           limit=limit, offset=offset)


FilterDep = Annotated[queries.Filters, Depends(filters)]


NlpLoader = Callable[[], Language]


def _default_loader() -> Language:
    from lagebild.nlp.pipeline import load

    return load()


def create_app(
    db: str | Engine,
    *,
    allow_write: bool = False,
    token: str | None = None,
    max_bytes: int = DEFAULT_MAX_BYTES,
    nlp_loader: NlpLoader = _default_loader,
) -> FastAPI:
    """Build the app over a database URL/path (or an open engine)."""
    engine = open_database(db) if isinstance(db, str) else db
    app = FastAPI(
        title="lagebild",
        version="0.1.0",
        description="German news into data: entities, quotations (speaker, source), PLOVER "
        "events. Read endpoints are open; POST /api/ingest needs --allow-write and a token.",
    )
    nlp = lru_cache(maxsize=1)(nlp_loader)  # the pipeline loads on the first analysis only

    @app.middleware("http")
    async def limit_body(request: Request,
                         call_next: Callable[[Request], Awaitable[Response]]) -> Response:
        """Refuse oversized bodies from the declared length, before reading them."""
        length = request.headers.get("content-length")
        if length is not None and length.isdigit() and int(length) > max_bytes:
            return JSONResponse({"detail": f"request body over {max_bytes} bytes"}, 413)
        return await call_next(request)


    def page(result: queries.Page) -> PageOut:
        return PageOut(items=result.items, total=result.total, limit=result.limit,
                       offset=result.offset)

    @app.get("/api/articles", response_model=PageOut, tags=["read"])
    def articles(f: FilterDep) -> PageOut:
        """Stored articles (newest first; best match first with `q`)."""
        with engine.connect() as connection:
            return page(queries.list_articles(connection, f))

    @app.get("/api/articles/{article_id}", tags=["read"],
             responses={404: {"description": "No such article"}})
    def article(article_id: str) -> dict[str, Any]:
        """The whole stored analysis of one article (schema: docs/schema.md) and its medium."""
        with engine.connect() as connection:
            found = queries.get_article(connection, article_id)
        if found is None:
            raise HTTPException(404, f"no article {article_id!r}")
        return found

    @app.get("/api/quotes", response_model=PageOut, tags=["read"])
    def quotes(f: FilterDep) -> PageOut:
        """Quotations with speaker, cue and source; `who` filters the speaker."""
        with engine.connect() as connection:
            return page(queries.list_quotes(connection, f))

    @app.get("/api/events", response_model=PageOut, tags=["read"])
    def events(f: FilterDep) -> PageOut:
        """PLOVER events; `who` matches actor or recipient."""
        with engine.connect() as connection:
            return page(queries.list_events(connection, f))

    @app.get("/api/entities", response_model=PageOut, tags=["read"])
    def entities(f: FilterDep) -> PageOut:
        """Entities across articles, most reported first."""
        with engine.connect() as connection:
            return page(queries.list_entities(connection, f))

    @app.get("/api/network", tags=["read"])
    def network(f: FilterDep) -> dict[str, list[dict[str, Any]]]:
        """Actor network: nodes (entities) and edges actor → recipient per event type,
        weighted by the number of reporting articles."""
        with engine.connect() as connection:
            return queries.actor_network(connection, f)

    @app.get("/api/timeline", tags=["read"])
    def timeline_(f: FilterDep) -> list[dict[str, Any]]:
        """Events per day and type."""
        with engine.connect() as connection:
            return queries.timeline(connection, f)

    @app.get("/api/media", tags=["read"])
    def media_() -> list[dict[str, Any]]:
        """Outlets and their article counts."""
        with engine.connect() as connection:
            return queries.media(connection)

    @app.post("/api/analyze", tags=["analyze"],
              responses={413: {"description": "Body too large"}})
    def analyze(body: ArticleIn) -> dict[str, Any]:
        """Analyse one article (not stored) and return the analysis object (docs/schema.md)."""
        _check_size(body.text, max_bytes)
        from lagebild.analysis import analyze_article

        return analyze_article(nlp(), _article(body))

    def require_writer(
        credentials: Annotated[HTTPAuthorizationCredentials | None, Depends(BEARER)],
    ) -> None:
        if not allow_write or not token:
            raise HTTPException(403, "writing is disabled; start with --allow-write --token")
        if credentials is None:
            raise HTTPException(401, "bearer token required",
                                headers={"WWW-Authenticate": "Bearer"})
        if not secrets.compare_digest(credentials.credentials.encode(), token.encode()):
            raise HTTPException(403, "wrong token")

    @app.post("/api/ingest", response_model=IngestOut, tags=["write"],
              dependencies=[Depends(require_writer)],
              responses={401: {"description": "No token"}, 403: {"description": "Refused"},
                         413: {"description": "Body too large"}})
    def ingest(body: IngestIn) -> IngestOut:
        """Analyse and store articles (idempotent by content hash)."""
        from lagebild.analysis import analyze_article

        _check_size("".join(a.text for a in body.articles), max_bytes)
        results: list[IngestedOut] = []
        for item in body.articles:
            article_ = _article(item)
            analysis = analyze_article(nlp(), article_)
            result = store_analysis(engine, analysis, article_.content_hash)
            results.append(IngestedOut(id=article_.ensure_id(), stored=result.stored))
        stored = sum(r.stored for r in results)
        return IngestOut(stored=stored, duplicate=len(results) - stored, articles=results)

    web = resources.files("lagebild").joinpath("web", "static")
    app.mount("/", StaticFiles(directory=str(web), html=True), name="web")
    return app


def _check_size(text: str, max_bytes: int) -> None:
    """The declared length can be missing (chunked upload): check the decoded text as well."""
    if len(text.encode("utf-8")) > max_bytes:
        raise HTTPException(413, f"text over {max_bytes} bytes")


def _article(body: ArticleIn) -> Article:
    """An `Article` from an API body, structured like a JSONL record."""
    from lagebild.read.jsonl import article_from_record
    from lagebild.read.language import detect_language

    record = body.model_dump(exclude_none=True)
    article = article_from_record(record, source="api")
    article.language = detect_language(article.text)
    article.ensure_id()
    return article
