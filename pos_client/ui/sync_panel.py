"""The sync panel: is this till in touch with central, what waits, what needs a person."""

from __future__ import annotations

from datetime import datetime

from PySide6.QtCore import Signal
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDialog,
    QFormLayout,
    QHBoxLayout,
    QHeaderView,
    QLabel,
    QProgressBar,
    QPushButton,
    QTableWidget,
    QTableWidgetItem,
    QVBoxLayout,
)

from pos_client.services.sync_service import SyncOverview
from pos_client.ui.time_text import when_text


def _age(seconds: float | None) -> str:
    if seconds is None:
        return "—"
    minutes = int(seconds // 60)
    if minutes < 60:
        return f"{minutes} min"
    return f"{minutes // 60} h {minutes % 60} min"


class SyncPanel(QDialog):
    sync_requested = Signal()
    enrol_requested = Signal()

    def __init__(self, parent=None, *, may_enrol: bool) -> None:
        super().__init__(parent)
        self.setObjectName("syncPanel")
        self.setWindowTitle(self.tr("Sync with central"))
        self.setMinimumSize(760, 520)
        self.status_label = QLabel()
        self.status_label.setObjectName("syncStatus")
        self.status_label.setWordWrap(True)
        self.unsent_label = QLabel()
        self.last_sync_label = QLabel()
        self.limits_label = QLabel()
        self.limits_label.setWordWrap(True)
        self.skew_label = QLabel()
        self.skew_label.setObjectName("errorLabel")
        self.skew_label.setWordWrap(True)
        self.progress = QProgressBar()
        self.progress.setVisible(False)
        self.progress_label = QLabel()
        self.progress_label.setVisible(False)

        form = QFormLayout()
        form.addRow(self.tr("Connection"), self.status_label)
        form.addRow(self.tr("Waiting to send"), self.unsent_label)
        form.addRow(self.tr("Last successful sync"), self.last_sync_label)
        form.addRow(self.tr("Offline limits"), self.limits_label)
        self.backup_label = QLabel(self.tr("None yet."))
        self.backup_label.setWordWrap(True)
        form.addRow(self.tr("Last backup"), self.backup_label)

        self.attention = QTableWidget(0, 4)
        self.attention.setObjectName("attentionTable")
        self.attention.setHorizontalHeaderLabels(
            [self.tr("No."), self.tr("Event"), self.tr("Problem"), self.tr("Central's reason")])
        self.attention.setEditTriggers(QAbstractItemView.EditTrigger.NoEditTriggers)
        self.attention.verticalHeader().setVisible(False)
        self.attention.horizontalHeader().setSectionResizeMode(3, QHeaderView.ResizeMode.Stretch)
        self.attention_label = QLabel()

        self.sync_button = QPushButton(self.tr("Sync now"))
        self.sync_button.setObjectName("primaryButton")
        self.sync_button.clicked.connect(self.sync_requested.emit)
        self.enrol_button = QPushButton(self.tr("Enrol this till again…"))
        self.enrol_button.setEnabled(may_enrol)
        if not may_enrol:
            self.enrol_button.setToolTip(self.tr("A manager or IT can enrol the till again."))
        self.enrol_button.clicked.connect(self.enrol_requested.emit)
        close = QPushButton(self.tr("Close"))
        close.clicked.connect(self.accept)
        buttons = QHBoxLayout()
        buttons.addWidget(self.enrol_button)
        buttons.addStretch(1)
        buttons.addWidget(close)
        buttons.addWidget(self.sync_button)

        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(self.skew_label)
        layout.addWidget(self.progress_label)
        layout.addWidget(self.progress)
        layout.addWidget(self.attention_label)
        layout.addWidget(self.attention, 1)
        layout.addLayout(buttons)

    def show_overview(self, overview: SyncOverview, online: bool | None, detail: str) -> None:
        health = overview.health
        if online:
            self.status_label.setText(self.tr("Online: central answered the last sync."))
        elif online is None:
            self.status_label.setText(self.tr("Not yet known: the first sync is running."))
        else:
            self.status_label.setText(self.tr("Offline: {detail}. Sales go on and are sent later.")
                                      .format(detail=detail or self.tr("central did not answer")))
        self.unsent_label.setText(self.tr("{n} event(s), oldest {age} old").format(
            n=health.pending, age=_age(health.oldest_pending_age_s)) if health.pending
            else self.tr("nothing: every event has reached central"))
        self.last_sync_label.setText(
            when_text(health.last_success_at.astimezone())
            if health.last_success_at else self.tr("never"))
        state = overview.offline
        if state.noncash_locked:
            limits = self.tr("Only cash is taken: the till has not synced for {hours} h or more. "
                             "Card and wallet tenders unlock after the next successful sync.")
        else:
            limits = self.tr("Card and wallet tenders lock after {hours} h without a sync "
                             "({left} left). Cash is always taken.")
        self.limits_label.setText(limits.format(hours=overview.limits.noncash_lock_after_hours,
                                                left=_age(state.locks_in.total_seconds()
                                                          if state.locks_in else None)))
        if overview.skew_worth_showing:
            minutes = round(abs(overview.skew_seconds or 0) / 60)
            text = (self.tr("This till's clock is {m} min ahead of central. Ask IT to set the time.")
                    if (overview.skew_seconds or 0) > 0 else
                    self.tr("This till's clock is {m} min behind central. Ask IT to set the time."))
            self.skew_label.setText(text.format(m=minutes))
            self.skew_label.setVisible(True)
        else:
            self.skew_label.setVisible(False)
        self.attention_label.setText(
            self.tr("Needs attention: {n} event(s) central could not accept. They are kept here; "
                    "a manager should report them to central support.").format(n=len(overview.attention))
            if overview.attention else self.tr("Needs attention: nothing."))
        self.attention.setRowCount(len(overview.attention))
        for row, item in enumerate(overview.attention):
            for col, value in enumerate((str(item["seq"]), item["type"], item.get("error_code") or "",
                                         item.get("error_message") or "")):
                cell = QTableWidgetItem(value)
                cell.setToolTip(value)
                self.attention.setItem(row, col, cell)

    def show_backup(self, last: dict | None) -> None:
        """The till's own last backup: when and where, or what failed (IT is told to look)."""
        if not last:
            self.backup_label.setText(self.tr("None yet."))
            self.backup_label.setObjectName("")
            return
        try:
            when = when_text(datetime.fromisoformat(last["at"]).astimezone())
        except (KeyError, TypeError, ValueError):
            when = "?"
        where = ", ".join(last.get("written") or [])
        if last.get("problems"):
            text = self.tr("{when}: the backup folder failed ({problem}). A copy was kept on this till "
                           "only: tell IT.").format(when=when, problem="; ".join(last["problems"]))
            self.backup_label.setObjectName("errorLabel")
        else:
            text = self.tr("{when}, to {where}").format(when=when, where=where)
            self.backup_label.setObjectName("")
        self.backup_label.setText(text)
        self.backup_label.style().unpolish(self.backup_label)
        self.backup_label.style().polish(self.backup_label)

    def show_progress(self, what: str, done: int, total: int) -> None:
        loading = total > 0 and done < total
        self.progress.setVisible(loading)
        self.progress_label.setVisible(loading)
        if loading:
            self.progress.setRange(0, total)
            self.progress.setValue(done)
            self.progress_label.setText(self.tr("Loading {what} from central: {done} of {total}").format(
                what=what, done=done, total=total))

