"""Offline language identification with lingua, restricted to the languages news feeds mix."""

from __future__ import annotations

from functools import lru_cache

from lingua import Language, LanguageDetector, LanguageDetectorBuilder

CANDIDATES = (
    Language.GERMAN,
    Language.ENGLISH,
    Language.FRENCH,
    Language.ITALIAN,
    Language.SPANISH,
    Language.DUTCH,
    Language.POLISH,
    Language.RUSSIAN,
    Language.TURKISH,
)
SAMPLE_CHARS = 2000  # enough for a stable decision; longer text only costs time


@lru_cache(maxsize=1)
def _detector() -> LanguageDetector:
    return LanguageDetectorBuilder.from_languages(*CANDIDATES).build()


def detect_language(text: str) -> str | None:
    """ISO 639-1 code of the text's language ("de"), or None when undecidable."""
    sample = text[:SAMPLE_CHARS].strip()
    if not sample:
        return None
    language = _detector().detect_language_of(sample)
    if language is None:
        return None
    return str(language.iso_code_639_1.name.lower())
