"""The store's hot statements, run on the DBAPI cursor of the caller's connection.

`store_analysis` runs in the main process of `lagebild ingest`, beside the analysis workers,
and sends ~16 small statements per article. SQLAlchemy's per-execute work (execution context,
statement cache lookup, parameter construction, result wrapping: ~50 µs a statement) cost
more CPU than SQLite's own work on them. Here SQLAlchemy still writes the SQL — each statement
is compiled once per dialect and set of parameter names, as `Connection.execute` would compile
it — and the parameters pass through the same column-type bind processors (JSON serialisation;
PostgreSQL's JSON casts are in the compiled SQL), so the driver receives what SQLAlchemy
would have sent. The statements run in the caller's transaction (same DBAPI connection), and
driver errors are raised as SQLAlchemy's (`IntegrityError` handling is unchanged).
"""

from __future__ import annotations

import functools
import operator
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from sqlalchemy import Connection, Dialect
from sqlalchemy.engine.default import DefaultDialect
from sqlalchemy.exc import DBAPIError
from sqlalchemy.sql.base import Executable
from sqlalchemy.sql.compiler import SQLCompiler
from sqlalchemy.sql.elements import ClauseElement, ColumnElement

Processor = Callable[[Any], Any]
Params = Mapping[str, Any]


@dataclass(frozen=True)
class Compiled:
    """One statement compiled for one dialect: its SQL and how a row of named parameters
    becomes what the driver takes (a tuple for positional paramstyles, else a dict)."""

    sql: str
    convert: Callable[[Params], Any]
    returns_pk: bool = False  # an INSERT … RETURNING pk (else the driver's `lastrowid`)


class Statement:
    """A statement compiled on first use per (dialect, parameter names); `returning_pk` names
    the primary-key column an INSERT must report (by RETURNING where the dialect does not
    report `lastrowid`, as SQLAlchemy does for `inserted_primary_key`)."""

    def __init__(self, statement: Executable, returning_pk: str | None = None) -> None:
        self._statement = statement
        self._returning_pk = returning_pk
        self._compiled: dict[tuple[Dialect, tuple[str, ...]], Compiled] = {}

    def compiled(self, dialect: Dialect, names: tuple[str, ...]) -> Compiled:
        """The statement for this dialect, with parameters `names` (for INSERT and UPDATE
        they choose the columns, as the keys of `Connection.execute`'s parameters do)."""
        found = self._compiled.get((dialect, names))
        if found is None:
            found = self._compiled[(dialect, names)] = self._compile(dialect, names)
        return found

    def _compile(self, dialect: Dialect, names: tuple[str, ...]) -> Compiled:
        statement: Any = self._statement
        returns_pk = self._returning_pk is not None and not _postfetches_lastrowid(dialect)
        if returns_pk:
            statement = statement.returning(statement.table.c[self._returning_pk])
        assert isinstance(statement, ClauseElement)
        compiled = statement.compile(dialect=dialect, column_keys=list(names))
        assert isinstance(compiled, SQLCompiler)
        if compiled.post_compile_params or compiled.literal_execute_params:
            # expanding IN and literal binds are rendered per execution by SQLAlchemy
            raise ValueError(f"driver.Statement needs plain bound parameters: {compiled.string}")
        processors = _bind_processors(compiled, dialect)
        convert: Callable[[Params], Any]
        if compiled.positiontup is not None:
            convert = _positional(list(compiled.positiontup), processors)
        else:
            convert = _named(compiled, processors)
        return Compiled(compiled.string, convert, returns_pk)


def _postfetches_lastrowid(dialect: Dialect) -> bool:
    """Whether SQLAlchemy takes a new row's key from `cursor.lastrowid` (SQLite) rather than
    from RETURNING (PostgreSQL)."""
    return isinstance(dialect, DefaultDialect) and dialect.postfetch_lastrowid


def _bind_processors(compiled: SQLCompiler, dialect: Dialect) -> dict[str, Processor]:
    """Each bound parameter's type conversion for this dialect (JSON → text on SQLite)."""
    processors: dict[str, Processor] = {}
    for name, bind in compiled.binds.items():
        processor = bind.type.dialect_impl(dialect).bind_processor(dialect)
        if processor is not None:
            processors[name] = processor
    return processors


def _positional(
    order: list[str], processors: dict[str, Processor]
) -> Callable[[Params], Sequence[Any]]:
    """A row → its parameter tuple in the order of the SQL's placeholders."""
    if len(order) == 1:
        (name,) = order
        processor = processors.get(name)
        if processor is None:
            return lambda row: (row[name],)
        return lambda row: (processor(row[name]),)
    pick = operator.itemgetter(*order)
    steps = [(i, processors[name]) for i, name in enumerate(order) if name in processors]
    if not steps:
        return pick

    def convert(row: Params) -> Sequence[Any]:
        values = list(pick(row))
        for i, processor in steps:
            values[i] = processor(values[i])
        return values

    return convert


def _named(
    compiled: SQLCompiler, processors: dict[str, Processor]
) -> Callable[[Params], dict[str, Any]]:
    """A row → its parameter dict, keyed as the SQL's placeholders are (escaped names)."""
    escaped = compiled.escaped_bind_names
    keys = [(name, escaped.get(name, name), processors.get(name)) for name in compiled.binds]

    def convert(row: Params) -> dict[str, Any]:
        return {
            key: row[name] if processor is None else processor(row[name])
            for name, key, processor in keys
        }

    return convert


def run(connection: Connection, statement: Statement, params: Params) -> None:
    """Run a statement with one set of parameters."""
    compiled = statement.compiled(connection.dialect, tuple(params))
    _run(connection, compiled, params, many=False).close()


def run_many(connection: Connection, statement: Statement, rows: Sequence[Params]) -> None:
    """Run an INSERT for every row (all rows have the first row's parameter names)."""
    compiled = statement.compiled(connection.dialect, tuple(rows[0]))
    _run(connection, compiled, rows, many=True).close()


def fetch_all(connection: Connection, statement: Statement, params: Params) -> list[Any]:
    """The rows (as the driver returns them: no result processing) of a query."""
    compiled = statement.compiled(connection.dialect, tuple(params))
    cursor = _run(connection, compiled, params, many=False)
    try:
        return list(cursor.fetchall())
    finally:
        cursor.close()


def insert_one(connection: Connection, statement: Statement, params: Params) -> int:
    """Run a `Statement(insert(...), returning_pk=...)`; the new row's primary key."""
    compiled = statement.compiled(connection.dialect, tuple(params))
    cursor = _run(connection, compiled, params, many=False)
    try:
        return int(cursor.fetchone()[0] if compiled.returns_pk else cursor.lastrowid)
    finally:
        cursor.close()


@functools.cache
def result_processor(column: ColumnElement[Any], dialect: Dialect) -> Processor | None:
    """How the dialect turns a fetched value of this column into Python (SQLite: JSON text →
    object; PostgreSQL's drivers decode JSON themselves)."""
    processor: Processor | None = column.type.dialect_impl(dialect).result_processor(dialect, None)
    return processor


def _run(connection: Connection, compiled: Compiled, params: Any, *, many: bool) -> Any:
    """Convert the parameters and execute; the cursor. Errors become SQLAlchemy's, as in
    `Connection.execute`: a failed conversion a `StatementError`, a driver error its
    `DBAPIError` subclass (`IntegrityError`, …)."""
    convert = compiled.convert
    try:
        args = [convert(row) for row in params] if many else convert(params)
    except Exception as error:
        raise _wrapped(connection, error, compiled.sql, params, many=many) from error
    cursor = connection.connection.cursor()
    try:
        if many:
            cursor.executemany(compiled.sql, args)
        else:
            cursor.execute(compiled.sql, args)
    except connection.dialect.loaded_dbapi.Error as error:
        invalidated = _invalidate_if_gone(connection, error, cursor)
        raise _wrapped(
            connection, error, compiled.sql, args, many=many, invalidated=invalidated
        ) from error
    return cursor


def _invalidate_if_gone(connection: Connection, error: Any, cursor: Any) -> bool:
    """Close the failed cursor; invalidate the connection if the error says it is gone (as
    `Connection.execute` does, so the pool does not hand it out again)."""
    invalidated = connection.dialect.is_disconnect(error, connection.connection, cursor)
    cursor.close()
    if invalidated:
        connection.invalidate(error)
    return invalidated


def _wrapped(
    connection: Connection,
    error: Any,
    sql: str,
    params: Any,
    *,
    many: bool,
    invalidated: bool = False,
) -> BaseException:
    """SQLAlchemy's exception for an error met running `sql`."""
    dialect = connection.dialect
    return DBAPIError.instance(
        sql,
        params,
        error,
        dialect.loaded_dbapi.Error,
        connection_invalidated=invalidated,
        dialect=dialect,
        ismulti=many,
    )
