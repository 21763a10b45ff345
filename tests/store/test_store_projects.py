"""Projects in the store: written, replaced, found by any name, listed in name order."""

from __future__ import annotations

import datetime as dt

from bilat.models import Project, ProjectStep
from bilat.store import Store


def project(pid: str, name: str, aliases: list[str], stage: str | None = None) -> Project:
    steps = []
    if stage:
        steps.append(
            ProjectStep(
                stage=stage,  # type: ignore[arg-type]
                date="2024-05",
                reported=dt.date(2024, 5, 3),
                mention_id=f"m-{pid}",
                doc_id="d1",
                event="AGREE",
                evidence="They promised it.",
                cue="promised",
            )
        )
    return Project(
        id=pid,
        name=name,
        aliases=aliases,
        steps=steps,
        stage=stage,  # type: ignore[arg-type]
        last_reported=dt.date(2024, 5, 3) if stage else None,
    )


def test_projects_round_trip_and_replace() -> None:
    with Store.open(":memory:") as store:
        hub = project("project:hub", "Havana Data Hub", ["Centro de Datos de La Habana"])
        store.upsert_projects([hub, project("project:mill", "Antillean Steel Mill", [])])
        assert [p.name for p in store.iter_projects()] == [
            "Antillean Steel Mill",
            "Havana Data Hub",
        ]
        assert store.get_projects(["project:hub"]) == {"project:hub": hub}
        advanced = project("project:hub", "Havana Data Hub", [], stage="announced")
        store.upsert_projects([advanced])
        assert store.get_projects(["project:hub"])["project:hub"].stage == "announced"
        assert len(list(store.iter_projects())) == 2


def test_projects_are_found_by_id_name_or_alias_ignoring_case_and_accents() -> None:
    with Store.open(":memory:") as store:
        hub = project("project:hub", "Havana Data Hub", ["Centro de Datos de La Habana"])
        store.upsert_projects([hub])
        for name in (
            "project:hub",
            "havana data hub",
            "CENTRO DE DATOS DE LA HABANA",
            "Centro  de Datos de La Habána",
        ):
            assert store.find_projects(name) == [hub], name
        assert store.find_projects("Havana") == []
