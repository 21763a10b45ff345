"""bilat: news coverage in, a sourced record of relations between countries out."""

from __future__ import annotations

__version__ = "0.1.0"

__all__ = ["__version__"]
