"""Members at central: the one record per phone, points as a ledger, and what tills may see.

A till signs a customer up offline under an id it makes up; if central already has a member
with that phone, the till's id becomes an alias of the existing member (the sign-up is
accepted with a conflict), so the customer ends up with one membership and all their points.
Tills receive members hashed and masked: no phone number or full name is kept at a till.  A
manager who gives their own number and PIN may see one member's contact on screen
(member_contact), and central writes down every such look.
"""

from __future__ import annotations

import secrets
from datetime import datetime

from sqlalchemy import Connection, insert, select, update
from sqlalchemy.orm import Session, object_session

from pos_client.domain.members import mask_name, mask_phone, normalize_phone, phone_key
from sync.protocol import ErrorBody, Event, MemberContact, MemberSignedUp

from .changelog import log_change
from .db import utcnow
from .models import CHAIN_SCOPE, ChainSetting, Member, MemberAlias, Note, PointsMovement, Staff

ENTITY = "member"
KEY_SETTING = "member_phone_key"


def member_key(session: Session | Connection) -> str:
    """The chain's key for hashing member phones, made on first use."""
    conn = session.connection() if isinstance(session, Session) else session
    value = conn.execute(select(ChainSetting.value).where(ChainSetting.key == KEY_SETTING)).scalar()
    if value is None:
        value = secrets.token_hex(16)
        conn.execute(insert(ChainSetting.__table__), {"key": KEY_SETTING, "value": value})
    return value


def member_key_for(store) -> str:
    session = object_session(store)
    return member_key(session) if session is not None else ""


def member_data(m: Member, key: str) -> dict:
    return {"member_id": m.id, "code": m.code, "tier": m.tier, "points": m.points,
            "phone_key": phone_key(m.phone, key), "phone_masked": mask_phone(m.phone),
            "name_masked": mask_name(m.name)}


def _publish(session_or_conn, m: Member) -> None:
    session = session_or_conn
    key = member_key(session)
    if isinstance(session, Session):
        log_change(session, entity=ENTITY, entity_id=m.id, data=member_data(m, key), scope=CHAIN_SCOPE)
    else:  # inside an event's connection
        from .changelog import reserve_seqs
        from .models import ChangeLogEntry
        seq = reserve_seqs(session, CHAIN_SCOPE)
        session.execute(insert(ChangeLogEntry.__table__).values(
            scope=CHAIN_SCOPE, seq=seq, entity=ENTITY, entity_id=m.id, op="upsert",
            data=member_data(m, key), created_at=utcnow()))


def add_member(session: Session, phone: str, name: str = "", *, tier: str = "standard", points: int = 0,
               code: str | None = None, member_id: str | None = None) -> Member:
    number = session.scalar(select(Member).where(Member.phone == normalize_phone(phone)))
    if number is not None:
        return number
    count = len(session.scalars(select(Member.id)).all())
    m = Member(id=member_id or secrets.token_hex(16), code=code or f"M{count + 1:07d}",
               phone=normalize_phone(phone), name=name, tier=tier, points=points, created_at=utcnow())
    session.add(m)
    session.flush()
    if points:
        session.add(PointsMovement(member_id=m.id, delta=points, reason="opening", created_at=utcnow()))
    _publish(session, m)
    return m


DEMO_MEMBERS = (("13800138000", "王小明", "gold", 5000), ("13912345678", "Alice Wang", "silver", 800))


def seed_demo_members(session: Session) -> None:
    for phone, name, tier, points in DEMO_MEMBERS:
        add_member(session, phone, name, tier=tier, points=points)


def resolve(conn: Connection, member_id: str) -> str | None:
    """The member an id stands for: itself, or the member a till's offline sign-up was merged into."""
    if conn.execute(select(Member.id).where(Member.id == member_id)).first() is not None:
        return member_id
    return conn.execute(select(MemberAlias.member_id).where(MemberAlias.alias_id == member_id)).scalar()


def apply_sign_up(conn: Connection, store_id: str, event: Event, signup: MemberSignedUp,
                  now: datetime) -> ErrorBody | None:
    phone = normalize_phone(signup.phone)
    existing = conn.execute(select(Member).where(Member.phone == phone)).first()
    if existing is not None:
        if existing.id != signup.member_id:
            conn.execute(insert(MemberAlias.__table__),
                         {"alias_id": signup.member_id, "member_id": existing.id})
        return ErrorBody(code="duplicate_member",
                         message=f"{mask_phone(phone)} was already member {existing.code}: merged into it.")
    count = conn.execute(select(Member.id)).all()
    conn.execute(insert(Member.__table__), {
        "id": signup.member_id, "code": f"M{len(count) + 1:07d}", "phone": phone, "name": signup.name,
        "tier": "standard", "points": 0, "signed_up_store": signup.store_code, "created_at": now})
    m = conn.execute(select(Member).where(Member.id == signup.member_id)).one()
    _publish(conn, m)
    return None


def move_points(conn: Connection, store_id: str, device_id: str, event: Event, member_id: str | None,
                earned: int, spent: int, receipt_no: str, now: datetime) -> ErrorBody | None:
    """A sale's points: earned on what was paid, spent as a tender.  An overdrawn balance (spent
    twice offline) is kept, as the customer has the goods, and flagged."""
    if member_id is None or (earned == 0 and spent == 0):
        return None
    target = resolve(conn, member_id)
    if target is None:
        message = (f"Receipt {receipt_no}: member {member_id} is unknown at central; "
                   "its points were not booked.")
        _note(conn, store_id, device_id, "unknown_member", message, now)
        return ErrorBody(code="unknown_member", message=message)
    rows = [{"member_id": target, "delta": d, "reason": r, "event_id": event.event_id, "created_at": now}
            for d, r in ((earned, "earned"), (-spent, "redeemed")) if d]
    conn.execute(insert(PointsMovement.__table__), rows)
    conn.execute(update(Member).where(Member.id == target).values(points=Member.points + earned - spent))
    m = conn.execute(select(Member).where(Member.id == target)).one()
    _publish(conn, m)
    if m.points >= 0:
        return None
    message = f"Receipt {receipt_no}: member {m.code} spent more points than they had ({m.points})."
    _note(conn, store_id, device_id, "points_overdrawn", message, now)
    return ErrorBody(code="points_overdrawn", message=message)


def _note(conn: Connection, store_id: str, device_id: str, kind: str, message: str, now: datetime) -> None:
    conn.execute(insert(Note.__table__), {"store_id": store_id, "device_id": device_id, "kind": kind,
                                          "created_at": now, "message": message})


CONTACT_ROLES = frozenset({"manager", "admin"})
"""Who may see a member's full phone and name (data protection: the fewest people who need it)."""


class ContactRefused(Exception):
    def __init__(self, status: int, code: str, message: str) -> None:
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


def member_contact(session: Session, store_id: str, device_id: str, member_id: str, staff_code: str,
                   pin: str, now: datetime) -> MemberContact:
    """A member's contact for a manager who proved who they are; every look, and every refusal,
    is written down at central with the staff member and the till."""
    from pos_client.domain.pins import verify_pin

    staff = session.scalar(select(Staff).where(Staff.code == staff_code, Staff.active.is_(True)))
    if staff is not None and staff.store_id not in (None, store_id):
        staff = None
    conn = session.connection()
    if staff is None or not verify_pin(pin, staff.pin_hash):
        _note(conn, store_id, device_id, "member_contact_refused",
              f"Staff number {staff_code} gave a wrong PIN asking for member {member_id}'s contact.", now)
        session.commit()
        raise ContactRefused(403, "wrong_staff_pin", "Staff number or PIN is wrong.")
    if staff.role not in CONTACT_ROLES:
        _note(conn, store_id, device_id, "member_contact_refused",
              f"{staff.code} {staff.name} ({staff.role}) may not see members' contact details.", now)
        session.commit()
        raise ContactRefused(403, "not_allowed", "Only a manager may see a member's full contact details.")
    found = resolve(conn, member_id)
    member = session.get(Member, found) if found else None
    if member is None:
        raise ContactRefused(404, "no_such_member", "Central has no such member (yet).")
    session.add(Note(store_id=store_id, device_id=device_id, kind="member_contact_viewed", created_at=now,
                     message=f"{staff.code} {staff.name} saw the contact details of member {member.code}."))
    session.commit()
    return MemberContact(member_id=member.id, code=member.code, phone=member.phone, name=member.name)
