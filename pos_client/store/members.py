"""Finding members at the till, offline: by the keyed hash of their phone, or by member code."""

from __future__ import annotations

from sqlalchemy import Connection, Engine, insert, select, update

from pos_client.domain.members import Member, mask_name, mask_phone, phone_key

from .schema import member


def _member(row) -> Member:
    return Member(row.member_id, row.code, row.tier, row.points, row.phone_masked, row.name_masked)


class MemberReader:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine

    def by_phone(self, phone: str, key: str) -> Member | None:
        if not key:
            return None
        with self._engine.connect() as conn:
            row = conn.execute(select(member).where(member.c.phone_key == phone_key(phone, key))).first()
        return _member(row) if row else None

    def by_code(self, code: str) -> Member | None:
        with self._engine.connect() as conn:
            row = conn.execute(select(member).where(member.c.code == code.strip().upper())).first()
        return _member(row) if row else None

    def by_id(self, member_id: str) -> Member | None:
        with self._engine.connect() as conn:
            row = conn.execute(select(member).where(member.c.member_id == member_id)).first()
        return _member(row) if row else None


def add_provisional(conn: Connection, member_id: str, code: str, phone: str, name: str, key: str) -> Member:
    """A customer signed up here, before central has heard of them (central may merge them)."""
    values = {"member_id": member_id, "code": code, "tier": "standard", "points": 0,
              "phone_key": phone_key(phone, key), "phone_masked": mask_phone(phone),
              "name_masked": mask_name(name)}
    conn.execute(insert(member).values(**values))
    return Member(member_id, code, "standard", 0, values["phone_masked"], values["name_masked"])


def move_points(conn: Connection, member_id: str, delta: int) -> None:
    """Until central's own balance comes down, the till counts what it earned and spent here."""
    conn.execute(update(member).where(member.c.member_id == member_id).values(points=member.c.points + delta))
