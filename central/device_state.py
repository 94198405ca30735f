"""What central knows of one till's event stream: asked by a till after a restore."""

from __future__ import annotations

from sqlalchemy import func, select
from sqlalchemy.orm import Session

from sync.protocol import DeviceSyncState

from .db import utcnow
from .models import Device, ReceivedEvent, ReturnRecord, Sale, TillShift


def device_sync_state(session: Session, device: Device) -> DeviceSyncState:
    """The device's highest seq and receipt number; a restored till continues above them."""
    received = session.scalar(select(func.count()).select_from(ReceivedEvent)
                              .where(ReceivedEvent.device_id == device.id)) or 0
    highest = session.scalar(select(func.max(ReceivedEvent.seq))
                             .where(ReceivedEvent.device_id == device.id)) or 0
    receipt = session.scalar(select(func.max(Sale.receipt_no)).where(Sale.device_id == device.id))
    refund = session.scalar(select(func.max(ReturnRecord.receipt_no))
                            .where(ReturnRecord.device_id == device.id))
    z_no = session.scalar(select(func.max(TillShift.z_no)).where(TillShift.device_id == device.id))
    return DeviceSyncState(device_id=device.id, last_seq=max(int(highest), int(device.last_seq or 0)),
                           events_received=int(received), latest_receipt_no=receipt,
                           latest_return_no=refund, latest_z_no=int(z_no) if z_no is not None else None,
                           server_time=utcnow())
