"""The resolve stage: ties stretches of article text to canonical actors (country, sector)."""

from __future__ import annotations

from bilat.resolve.gazetteer import Agent, Gazetteer, GazetteerEntry
from bilat.resolve.resolver import Resolver

__all__ = ["Agent", "Gazetteer", "GazetteerEntry", "Resolver"]
