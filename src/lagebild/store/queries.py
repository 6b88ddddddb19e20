"""Read-side queries shared by the CLI (`lagebild quotes|events|entities|search`) and the API.

Every query takes the same `Filters` (who, type, date range, medium, country, free text,
paging), so a filter means the same thing on the command line, in the HTTP API and on the
web page. Rows come back as plain dicts ready for JSON, CSV or a table.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from typing import Any

from sqlalchemy import (
    ColumnElement,
    Connection,
    Float,
    Integer,
    Select,
    and_,
    false,
    func,
    literal_column,
    or_,
    select,
    text,
)
from sqlalchemy.sql.elements import TextClause
from sqlalchemy.sql.selectable import FromClause

from lagebild.store import tables
from lagebild.store.fts import fts_query, pg_article_vector

MAX_LIMIT = 1000
DATE_END = "~"  # sorts after digits and "-": "2024-02-16" <= "2024-02~" includes the whole month

A = tables.articles
Q = tables.quotes
E = tables.entities
V = tables.events

Condition = ColumnElement[bool] | TextClause  # what `Select.where` takes


@dataclass
class Filters:
    """What the user asked for; `None` means no restriction."""

    who: str | None = None  # speaker / actor / entity: a name (substring) or an id / KB id
    type: str | None = None  # quote type, PLOVER event type, or entity type
    date_from: str | None = None  # ISO date at any precision, inclusive
    date_to: str | None = None  # inclusive at its precision: "2024-02" covers the whole month
    medium: str | None = None  # outlet (substring, case-insensitive)
    country: str | None = None  # ISO-3 of the speaker / actor / entity
    text: str | None = None  # free text (full-text search)
    article: str | None = None  # one article's id
    limit: int = 50
    offset: int = 0


@dataclass
class Page:
    """One page of rows and the number of rows without paging."""

    items: list[dict[str, Any]]
    total: int
    limit: int
    offset: int


def _article_filters(f: Filters) -> list[ColumnElement[bool]]:
    conditions: list[ColumnElement[bool]] = []
    if f.date_from:
        conditions.append(A.c.date >= f.date_from)
    if f.date_to:
        conditions.append(A.c.date <= f.date_to + DATE_END)
    if f.medium:
        conditions.append(A.c.medium.ilike(f"%{f.medium}%"))
    if f.article:
        conditions.append(A.c.article_id == f.article)
    return conditions


def _entity_matches(entity: FromClause, id_column: Any, who: str) -> ColumnElement[bool]:
    """An entity given by id, KB id or a part of its name."""
    return or_(
        id_column == who,
        entity.c.kb_id == who,
        entity.c.name.ilike(f"%{who}%"),
    )


def _article_text_match(connection: Connection, query: str) -> Condition:
    if not fts_query(query):  # no words at all (only punctuation): nothing can match
        return false()
    if connection.dialect.name == "sqlite":
        return A.c.pk.in_(
            select(literal_column("rowid")).select_from(text("articles_fts")).where(
                text("articles_fts MATCH :fts_a").bindparams(fts_a=fts_query(query))
            )
        )
    return text(
        f"{pg_article_vector('articles')} @@ websearch_to_tsquery('german', :fts_a)"
    ).bindparams(fts_a=query)


def _quote_text_match(connection: Connection, query: str) -> Condition:
    if not fts_query(query):
        return false()
    if connection.dialect.name == "sqlite":
        return literal_column("quotes.rowid").in_(
            select(literal_column("rowid")).select_from(text("quotes_fts")).where(
                text("quotes_fts MATCH :fts_q").bindparams(fts_q=fts_query(query))
            )
        )
    return text(
        "to_tsvector('german', coalesce(quotes.text, '')) @@ websearch_to_tsquery('german', :fts_q)"
    ).bindparams(fts_q=query)


def _narrowed(
    stmt: Select[Any], connection: Connection, f: Filters, *,
    who: Callable[[str], Condition], type_: Callable[[str], Condition],
    country: Callable[[str], Condition], text_match: Callable[[Connection, str], Condition],
) -> Select[Any]:
    """`stmt` restricted by the filters the user gave. Each listing says what who / type /
    country / text mean for its rows; the rule that an absent filter restricts nothing, and
    that country codes compare upper-case, lives here once."""
    if f.who:
        stmt = stmt.where(who(f.who))
    if f.type:
        stmt = stmt.where(type_(f.type))
    if f.country:
        stmt = stmt.where(country(f.country.upper()))
    if f.text:
        stmt = stmt.where(text_match(connection, f.text))
    return stmt


def _page(connection: Connection, stmt: Select[Any], f: Filters) -> tuple[list[Any], int]:
    total = connection.execute(
        select(func.count()).select_from(stmt.order_by(None).subquery())
    ).scalar_one()
    limit = max(0, min(f.limit, MAX_LIMIT))
    rows = connection.execute(stmt.limit(limit).offset(max(0, f.offset))).mappings().all()
    return list(rows), int(total)


def list_articles(connection: Connection, f: Filters) -> Page:
    """Articles, newest first (or best match first with a free-text query)."""
    columns = [A.c.pk, A.c.article_id, A.c.title, A.c.date, A.c.medium, A.c.url, A.c.source,
               A.c.language]
    stmt: Select[Any] = select(*columns).where(*_article_filters(f))
    if f.text and not fts_query(f.text):
        stmt = stmt.where(false())
    elif f.text:
        if connection.dialect.name == "sqlite":
            ranked = text(
                "SELECT rowid AS pk, rank FROM articles_fts WHERE articles_fts MATCH :fts_r"
            ).bindparams(fts_r=fts_query(f.text)).columns(pk=Integer, rank=Float).subquery("r")
            stmt = stmt.join(ranked, ranked.c.pk == A.c.pk).order_by(ranked.c.rank, A.c.pk)
        else:
            stmt = stmt.where(_article_text_match(connection, f.text)).order_by(
                text(f"ts_rank({pg_article_vector('articles')}, "
                     "websearch_to_tsquery('german', :fts_o)) DESC").bindparams(fts_o=f.text),
                A.c.pk,
            )
    else:
        stmt = stmt.order_by(A.c.date.desc(), A.c.pk.desc())
    if f.who or f.country:
        conditions = []
        if f.who:
            conditions.append(_entity_matches(E, E.c.entity_id, f.who))
        if f.country:
            conditions.append(E.c.country == f.country.upper())
        stmt = stmt.where(A.c.pk.in_(select(E.c.article_pk).where(*conditions)))
    rows, total = _page(connection, stmt, f)
    items = [
        {"id": r["article_id"], "title": r["title"], "date": r["date"], "medium": r["medium"],
         "url": r["url"], "source": r["source"], "language": r["language"]}
        for r in rows
    ]
    if f.text:
        texts = _article_texts(connection, [r["pk"] for r in rows])
        for item, row in zip(items, rows, strict=True):
            item["snippet"] = snippet(texts.get(row["pk"], ""), f.text)
    return Page(items, total, f.limit, f.offset)


def _article_texts(connection: Connection, pks: list[int]) -> dict[int, str]:
    if not pks:
        return {}
    rows = connection.execute(select(A.c.pk, A.c.text).where(A.c.pk.in_(pks)))
    return {int(pk): str(body) for pk, body in rows}


def snippet(body: str, query: str, width: int = 160) -> str:
    """A window of the text around the first query word found (case-insensitive)."""
    lowered = body.casefold()
    position = -1
    for word in query.replace("*", " ").split():
        position = lowered.find(word.casefold())
        if position >= 0:
            break
    start = max(0, position - width // 3) if position >= 0 else 0
    piece = " ".join(body[start : start + width].split())
    return ("…" if start else "") + piece + ("…" if start + width < len(body) else "")


def get_article(connection: Connection, article_id: str) -> dict[str, Any] | None:
    """The whole stored analysis of one article (plus its medium), or None."""
    row = connection.execute(
        select(A.c.analysis, A.c.medium).where(A.c.article_id == article_id).order_by(A.c.pk)
    ).first()
    if row is None:
        return None
    analysis = dict(row[0])
    analysis["medium"] = row[1]
    return analysis


def list_quotes(connection: Connection, f: Filters) -> Page:
    """Quotes with speaker, cue and source, newest articles first."""
    rows, total = _page(connection, quotes_stmt(connection, f), f)
    return Page([quote_item(r) for r in rows], total, f.limit, f.offset)


def quotes_stmt(connection: Connection, f: Filters) -> Select[Any]:
    """The query behind `list_quotes`, without paging (export streams it)."""
    speaker = E.alias("speaker")
    stmt: Select[Any] = (
        select(
            A.c.article_id, A.c.title, A.c.date, A.c.medium, Q.c.position, Q.c.type, Q.c.text,
            Q.c.start, Q.c.end, Q.c.cue, Q.c.speaker_entity_id, Q.c.speaker_text,
            Q.c.source_text, Q.c.addressee_text, Q.c.confidence,
            speaker.c.name.label("speaker_name"), speaker.c.kb_id.label("speaker_kb_id"),
            speaker.c.country.label("speaker_country"),
        )
        .select_from(
            Q.join(A, A.c.pk == Q.c.article_pk).outerjoin(
                speaker,
                and_(speaker.c.article_pk == Q.c.article_pk,
                     speaker.c.entity_id == Q.c.speaker_entity_id),
            )
        )
        .where(*_article_filters(f))
        .order_by(A.c.date.desc(), A.c.pk.desc(), Q.c.position)
    )
    return _narrowed(
        stmt, connection, f,
        who=lambda who: or_(_entity_matches(speaker, Q.c.speaker_entity_id, who),
                            Q.c.speaker_text.ilike(f"%{who}%")),
        type_=lambda kind: Q.c.type == kind,
        country=lambda code: speaker.c.country == code,
        text_match=_quote_text_match,
    )


def quote_item(r: Any) -> dict[str, Any]:
    """One quote row as a flat dict."""
    return {
            "article_id": r["article_id"], "article_title": r["title"], "date": r["date"],
            "medium": r["medium"], "position": r["position"], "type": r["type"],
            "speaker": r["speaker_name"] or r["speaker_text"],
            "speaker_id": r["speaker_entity_id"], "speaker_kb_id": r["speaker_kb_id"],
            "speaker_country": r["speaker_country"], "cue": r["cue"], "text": r["text"],
            "source": r["source_text"], "addressee": r["addressee_text"],
            "confidence": r["confidence"], "start": r["start"], "end": r["end"],
    }


def list_events(connection: Connection, f: Filters) -> Page:
    """Events per article report, with actor and recipient resolved to entity names."""
    rows, total = _page(connection, events_stmt(connection, f), f)
    return Page([event_item(r) for r in rows], total, f.limit, f.offset)


def events_stmt(connection: Connection, f: Filters) -> Select[Any]:
    """The query behind `list_events`, without paging."""
    actor = E.alias("actor")
    recipient = E.alias("recipient")
    stmt: Select[Any] = (
        select(
            A.c.article_id, A.c.title, A.c.date.label("article_date"), A.c.medium, V.c.position,
            V.c.type, V.c.mode, V.c.status, V.c.date, V.c.actor_entity_id,
            V.c.recipient_entity_id, V.c.evidence, V.c.data,
            actor.c.name.label("actor_name"), actor.c.country.label("actor_country"),
            recipient.c.name.label("recipient_name"),
            recipient.c.country.label("recipient_country"),
        )
        .select_from(
            V.join(A, A.c.pk == V.c.article_pk)
            .outerjoin(actor, and_(actor.c.article_pk == V.c.article_pk,
                                   actor.c.entity_id == V.c.actor_entity_id))
            .outerjoin(recipient, and_(recipient.c.article_pk == V.c.article_pk,
                                       recipient.c.entity_id == V.c.recipient_entity_id))
        )
        .where(*_article_filters(f))
        .order_by(A.c.date.desc(), A.c.pk.desc(), V.c.position)
    )
    return _narrowed(
        stmt, connection, f,
        who=lambda who: or_(_entity_matches(actor, V.c.actor_entity_id, who),
                            _entity_matches(recipient, V.c.recipient_entity_id, who)),
        type_=lambda kind: V.c.type == kind.upper(),
        country=lambda code: or_(actor.c.country == code, recipient.c.country == code),
        text_match=_article_text_match,
    )


def event_item(r: Any) -> dict[str, Any]:
    """One event row as a flat dict (names fall back to the event's own actor text)."""
    data = r["data"] or {}
    return {
            "article_id": r["article_id"], "article_title": r["title"],
            "article_date": r["article_date"], "medium": r["medium"], "position": r["position"],
            "type": r["type"], "mode": r["mode"], "status": r["status"], "date": r["date"],
            "actor": r["actor_name"] or _side_name(data.get("actor")),
            "actor_id": r["actor_entity_id"], "actor_country": r["actor_country"],
            "recipient": r["recipient_name"] or _side_name(data.get("recipient")),
            "recipient_id": r["recipient_entity_id"], "recipient_country": r["recipient_country"],
            "evidence": r["evidence"],
    }


def _side_name(side: Any) -> str | None:
    if not isinstance(side, dict):
        return None
    value = side.get("name") or side.get("text")
    return str(value) if value else None


def list_entities(connection: Connection, f: Filters) -> Page:
    """Entities across articles, most reported first, with the number of articles naming them."""
    rows, total = _page(connection, entities_stmt(connection, f), f)
    return Page([entity_item(r) for r in rows], total, f.limit, f.offset)


def entities_stmt(connection: Connection, f: Filters) -> Select[Any]:
    """The query behind `list_entities`, without paging."""
    articles_count = func.count(func.distinct(E.c.article_pk)).label("articles")
    stmt: Select[Any] = (
        select(
            E.c.entity_id, func.max(E.c.name).label("name"), func.max(E.c.type).label("type"),
            func.max(E.c.kb_id).label("kb_id"), func.max(E.c.country).label("country"),
            func.max(E.c.sector).label("sector"), articles_count,
        )
        .select_from(E.join(A, A.c.pk == E.c.article_pk))
        .where(*_article_filters(f))
        .group_by(E.c.entity_id)
        .order_by(articles_count.desc(), E.c.entity_id)
    )
    return _narrowed(
        stmt, connection, f,
        who=lambda who: _entity_matches(E, E.c.entity_id, who),
        type_=lambda kind: E.c.type == kind.upper(),
        country=lambda code: E.c.country == code,
        text_match=_article_text_match,
    )


def entity_item(r: Any) -> dict[str, Any]:
    """One aggregated entity row as a flat dict."""
    return {"id": r["entity_id"], "name": r["name"], "type": r["type"], "kb_id": r["kb_id"],
            "country": r["country"], "sector": r["sector"], "articles": int(r["articles"])}


def actor_network(connection: Connection, f: Filters) -> dict[str, list[dict[str, Any]]]:
    """Who did what to whom: nodes are entities, edges (actor → recipient, type) weighted by
    the number of articles reporting them."""
    reports = func.count(func.distinct(V.c.article_pk)).label("reports")
    stmt: Select[Any] = (
        select(V.c.actor_entity_id, V.c.recipient_entity_id, V.c.type, reports)
        .select_from(V.join(A, A.c.pk == V.c.article_pk))
        .where(V.c.actor_entity_id.is_not(None), V.c.recipient_entity_id.is_not(None),
               *_article_filters(f))
        .group_by(V.c.actor_entity_id, V.c.recipient_entity_id, V.c.type)
        .order_by(reports.desc())
        .limit(max(1, min(f.limit, MAX_LIMIT)))
    )
    if f.type:
        stmt = stmt.where(V.c.type == f.type.upper())
    edges = [
        {"source": r[0], "target": r[1], "type": r[2], "weight": int(r[3])}
        for r in connection.execute(stmt)
    ]
    ids = sorted({e["source"] for e in edges} | {e["target"] for e in edges})
    names: dict[str, dict[str, Any]] = {}
    if ids:
        for r in connection.execute(
            select(E.c.entity_id, func.max(E.c.name), func.max(E.c.type), func.max(E.c.country))
            .where(E.c.entity_id.in_(ids)).group_by(E.c.entity_id)
        ):
            names[r[0]] = {"id": r[0], "name": r[1], "type": r[2], "country": r[3]}
    nodes = [names.get(i, {"id": i, "name": i, "type": None, "country": None}) for i in ids]
    return {"nodes": nodes, "edges": edges}


def timeline(connection: Connection, f: Filters) -> list[dict[str, Any]]:
    """Number of events per day (the event's date, else the article's) and type."""
    day = func.substr(func.coalesce(V.c.date, A.c.date), 1, 10).label("day")
    count = func.count().label("count")
    stmt: Select[Any] = (
        select(day, V.c.type, count)
        .select_from(V.join(A, A.c.pk == V.c.article_pk))
        .where(*_article_filters(f))
        .group_by(day, V.c.type)
        .order_by(day)
    )
    if f.type:
        stmt = stmt.where(V.c.type == f.type.upper())
    return [
        {"date": r[0], "type": r[1], "count": int(r[2])}
        for r in connection.execute(stmt) if r[0]
    ]


def media(connection: Connection) -> list[dict[str, Any]]:
    """Outlets with their article counts (for filter menus)."""
    count = func.count().label("articles")
    rows = connection.execute(
        select(A.c.medium, count).where(A.c.medium.is_not(None)).group_by(A.c.medium)
        .order_by(count.desc())
    )
    return [{"medium": r[0], "articles": int(r[1])} for r in rows]
