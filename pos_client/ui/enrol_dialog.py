"""Enrolling the till again from the app, after a revocation or a move to another central."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QFormLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout


class EnrolDialog(QDialog):
    def __init__(self, central_url: str, parent=None) -> None:
        super().__init__(parent)
        self.setObjectName("enrolDialog")
        self.setWindowTitle(self.tr("Enrol this till"))
        hint = QLabel(self.tr("IT makes a one-time code at central with "
                              "'pos-central enroll --store CODE'. Unsent sales are kept and sent "
                              "after enrolment."))
        hint.setWordWrap(True)
        self.url_field = QLineEdit(central_url)
        self.url_field.setObjectName("centralUrl")
        self.code_field = QLineEdit()
        self.code_field.setObjectName("enrolCode")
        self.code_field.setPlaceholderText("ABCD-EFGH-JKLM")
        self.code_field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.ok_button = QPushButton(self.tr("Enrol"))
        self.ok_button.setObjectName("primaryButton")
        self.ok_button.clicked.connect(self._check)
        cancel = QPushButton(self.tr("Cancel"))
        cancel.clicked.connect(self.reject)
        form = QFormLayout()
        form.addRow(self.tr("Central address"), self.url_field)
        form.addRow(self.tr("One-time code"), self.code_field)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addLayout(form)
        layout.addWidget(self.error_label)
        layout.addWidget(self.ok_button)
        layout.addWidget(cancel)
        self.code_field.setFocus()

    def _check(self) -> None:
        if not self.url_field.text().strip().startswith(("http://", "https://")):
            self.error_label.setText(self.tr("The central address starts with https:// (or http://)."))
            return
        if len(self.code_field.text().replace("-", "").strip()) < 8:
            self.error_label.setText(self.tr("Type the whole one-time code, e.g. ABCD-EFGH-JKLM."))
            return
        self.accept()
