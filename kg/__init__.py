"""newskg: read news articles and build an RDF knowledge graph of who visited where,
who talked with whom, and who belongs to what, with status, evidence and provenance."""

from __future__ import annotations

__version__ = "0.1.0"
