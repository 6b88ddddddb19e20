"""Reading: text, HTML and JSONL input into `Article` objects."""

from lagebild.read.article import Article, Block
from lagebild.read.sources import read_inputs

__all__ = ["Article", "Block", "read_inputs"]
