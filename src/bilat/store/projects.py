"""Project rows: the Project record as JSON, with name, stage and report dates as columns."""

from __future__ import annotations

import datetime as dt
import unicodedata
from collections.abc import Mapping, Sequence
from typing import Any

from sqlalchemy import Connection, delete, select

from bilat.models import Project
from bilat.store import schema


def make_project_row(project: Project, now: dt.datetime) -> dict[str, Any]:
    return {
        "id": project.id,
        "name": project.name,
        "stage": project.stage,
        "first_reported": project.first_reported,
        "last_reported": project.last_reported,
        "record": project.model_dump_json(),
        "updated_at": now,
    }


def read_project(row: Mapping[Any, Any]) -> Project:
    return Project.model_validate_json(row["record"])


def write_projects(conn: Connection, projects: Sequence[Project]) -> None:
    """Insert or replace the projects (the caller merged new evidence into stored ones)."""
    if not projects:
        return
    table = schema.projects
    ids = [p.id for p in projects]
    conn.execute(delete(table).where(table.c.id.in_(ids)))
    now = dt.datetime.now()
    conn.execute(table.insert(), [make_project_row(p, now) for p in projects])


def fetch_projects(conn: Connection, ids: Sequence[str] | None = None) -> dict[str, Project]:
    """Stored projects by id (all of them when `ids` is None), in name order."""
    table = schema.projects
    query = select(table).order_by(table.c.name, table.c.id)
    if ids is not None:
        query = query.where(table.c.id.in_(list(ids)))
    return {r["id"]: read_project(r) for r in conn.execute(query).mappings()}


def fold_name(name: str) -> str:
    """Case- and accent-free form, for looking a project up by any of its names."""
    decomposed = unicodedata.normalize("NFKD", name)
    return " ".join(
        "".join(c for c in decomposed if not unicodedata.combining(c)).split()
    ).casefold()


def names_match(project: Project, name: str) -> bool:
    wanted = fold_name(name)
    return any(fold_name(n) == wanted for n in (project.id, project.name, *project.aliases))
