"""Storage of analyses in SQLite or any SQLAlchemy database."""

from lagebild.store.database import StoreResult, open_database, store_analysis

__all__ = ["StoreResult", "open_database", "store_analysis"]
