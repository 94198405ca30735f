"""The promotions a till prices with, read once and kept until sync changes them.

Every scan reprices the cart, so reading and parsing every rule each time would
cost more than the scan; one small query tells whether the set changed since.
A definition this build cannot use is left out (and logged) rather than stopping
sales: central checks definitions before sending, so this means a newer central.
"""

from __future__ import annotations

import json
import logging

from sqlalchemy import Engine, text

from pos_client.domain.promotions import Promotion, parse_promotion

log = logging.getLogger(__name__)

_FINGERPRINT = text("SELECT group_concat(promotion_id || ':' || version, ',') "
                    "FROM (SELECT promotion_id, version FROM promotion ORDER BY promotion_id)")
_ALL = text("SELECT promotion_id, version, definition FROM promotion ORDER BY promotion_id")


class PromotionReader:
    def __init__(self, engine: Engine) -> None:
        self._engine = engine
        self._fingerprint: str | None = None
        self._rules: list[Promotion] = []
        self.unusable: dict[str, str] = {}
        """Promotion id → why this build cannot use it."""

    def current(self) -> list[Promotion]:
        with self._engine.connect() as conn:
            fingerprint = conn.execute(_FINGERPRINT).scalar() or ""
            if fingerprint == self._fingerprint:
                return self._rules
            rows = conn.execute(_ALL).all()
        rules, unusable = [], {}
        for promotion_id, version, definition in rows:
            try:
                rules.append(parse_promotion(promotion_id, version, json.loads(definition)))
            except (ValueError, TypeError) as exc:
                unusable[promotion_id] = str(exc)
                log.warning("promotion %s v%s cannot be used by this build: %s", promotion_id, version, exc)
        self._rules, self.unusable, self._fingerprint = rules, unusable, fingerprint
        return rules
