"""Staff as central sent them down: who may log in at this till, with their PIN hashes."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Engine, select

from .schema import staff


@dataclass(frozen=True, slots=True)
class StaffMember:
    staff_id: str
    code: str
    name: str
    role: str
    pin_hash: str
    active: bool


class StaffReader:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def by_code(self, code: str) -> StaffMember | None:
        with self._engine.connect() as conn:
            row = conn.execute(select(staff).where(staff.c.code == code)).first()
        return StaffMember(*row) if row else None

    def count(self) -> int:
        with self._engine.connect() as conn:
            return len(conn.execute(select(staff.c.staff_id)).all())
