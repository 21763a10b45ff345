"""The Store's actor decisions and projects: thin calls into store/actors.py and
store/projects.py, each in its own connection (the base of store.Store)."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from contextlib import AbstractContextManager

from sqlalchemy import Connection

from bilat.models import Project
from bilat.store import actors, projects


class ActorsAndProjects:
    """Methods of the Store over actors and projects; the Store supplies `_begin`."""

    def _begin(self, doing: str) -> AbstractContextManager[Connection]:
        raise NotImplementedError("the Store opens (or joins) the connection")

    # ------------------------------------------------------------------ actors

    def actor_counts(
        self, kind: str | None = None, country: str | None = None
    ) -> list[actors.ActorCount]:
        """Actors the stored mentions name, most mentioned first."""
        with self._begin("listing actors") as conn:
            return actors.count_actors(conn, kind, country)

    def actor_activity(
        self,
        actor_id: str | None,
        texts: list[str],
        merged: Sequence[str] = (),
        exclude_texts: Sequence[str] = (),
    ) -> actors.ActorActivity:
        """What the stored mentions say about one actor, names split off it in
        `exclude_texts` left out (see store/actors.py)."""
        with self._begin("reading an actor") as conn:
            return actors.read_activity(conn, actor_id, texts, merged, exclude_texts)

    def add_actor_decision(
        self,
        name: str,
        actor_id: str,
        method: str,
        score: float,
        reason: str,
        *,
        kind: str | None = None,
        country: str | None = None,
        article_id: str | None = None,
    ) -> actors.StoredDecision:
        """Log a merge or split made by hand, or a name tied while reading article
        `article_id` that gave it `kind` and `country` (see store/actors.py)."""
        with self._begin("recording an actor decision") as conn:
            return actors.add_decision(
                conn,
                name,
                actor_id,
                method,
                score,
                reason,
                kind=kind,
                country=country,
                article_id=article_id,
            )

    def actor_decisions(self) -> list[actors.StoredDecision]:
        with self._begin("reading actor decisions") as conn:
            return actors.read_decisions(conn)

    def undo_actor_decision(self, number: int) -> actors.StoredDecision:
        with self._begin("undoing an actor decision") as conn:
            return actors.undo_decision(conn, number)

    # ------------------------------------------------------------------ projects

    def upsert_projects(self, items: Sequence[Project]) -> None:
        with self._begin("cannot write projects") as conn:
            projects.write_projects(conn, items)

    def get_projects(self, ids: Sequence[str]) -> dict[str, Project]:
        with self._begin("reading the store") as conn:
            return projects.fetch_projects(conn, ids)

    def iter_projects(self) -> Iterator[Project]:
        """Every project, in name order."""
        with self._begin("reading the store") as conn:
            found = projects.fetch_projects(conn)
        return iter(found.values())

    def find_projects(self, name: str) -> list[Project]:
        """Projects whose id, name or an alias is `name` (case and accents ignored)."""
        return [p for p in self.iter_projects() if projects.names_match(p, name)]
