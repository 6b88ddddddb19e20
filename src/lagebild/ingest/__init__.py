"""Parallel, incremental, resumable ingest: read → skip known → analyse (N workers) → store."""

from lagebild.ingest.runner import IngestSummary, ingest

__all__ = ["IngestSummary", "ingest"]
