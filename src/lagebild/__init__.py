"""lagebild: German news into data — entities, quotations (speaker, source), PLOVER events."""

from lagebild.nlp.pipeline import load

__version__ = "0.1.0"
__all__ = ["load", "__version__"]
