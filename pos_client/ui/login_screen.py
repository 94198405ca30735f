"""Login: staff number and PIN, checked offline; locks after repeated failures."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtGui import QRegularExpressionValidator
from PySide6.QtWidgets import (
    QFormLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QVBoxLayout,
    QWidget,
)

from pos_client.services.auth import AuthService, Session

from .messages import explain


class LoginScreen(QWidget):
    logged_in = Signal(object)  # Session
    language_requested = Signal(str)  # "zh_CN" or "en": the other language, asked for by its button

    def __init__(self, auth: AuthService, store_name: str, language: str = "zh_CN") -> None:
        super().__init__()
        self._auth = auth
        self.setObjectName("loginScreen")
        title = QLabel(store_name)
        title.setObjectName("loginTitle")
        title.setAlignment(Qt.AlignmentFlag.AlignCenter)
        hint = QLabel(self.tr("Enter your staff number and PIN"))
        hint.setAlignment(Qt.AlignmentFlag.AlignCenter)

        self.staff_field = QLineEdit()
        self.staff_field.setObjectName("staffField")
        self.staff_field.setAccessibleName(self.tr("Staff number"))
        self.staff_field.setValidator(QRegularExpressionValidator(r"[0-9A-Za-z]{1,16}"))
        self.staff_field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.pin_field = QLineEdit()
        self.pin_field.setObjectName("pinField")
        self.pin_field.setAccessibleName(self.tr("PIN"))
        self.pin_field.setEchoMode(QLineEdit.EchoMode.Password)
        self.pin_field.setValidator(QRegularExpressionValidator(r"[0-9]{0,12}"))
        self.pin_field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.login_button = QPushButton(self.tr("Log in"))
        self.login_button.setObjectName("primaryButton")
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.error_label.setAlignment(Qt.AlignmentFlag.AlignCenter)
        # The other language, named in itself, so anyone can find it whatever is showing now.
        other = "en" if language == "zh_CN" else "zh_CN"
        self.language_button = QPushButton("English" if other == "en" else "中文")
        self.language_button.setObjectName("languageButton")
        self.language_button.setAccessibleName(self.tr("Switch the till's language"))
        self.language_button.clicked.connect(lambda: self.language_requested.emit(other))

        form = QFormLayout()
        form.addRow(self.tr("Staff number"), self.staff_field)
        form.addRow(self.tr("PIN"), self.pin_field)
        box = QWidget()
        box.setObjectName("loginBox")
        box.setMaximumWidth(460)
        inner = QVBoxLayout(box)
        inner.addWidget(title)
        inner.addWidget(hint)
        inner.addLayout(form)
        inner.addWidget(self.login_button)
        inner.addWidget(self.error_label)
        inner.addWidget(self.language_button, 0, Qt.AlignmentFlag.AlignRight)
        outer = QVBoxLayout(self)
        outer.addStretch(1)
        outer.addWidget(box, 0, Qt.AlignmentFlag.AlignHCenter)
        outer.addStretch(2)

        self.staff_field.returnPressed.connect(self.pin_field.setFocus)
        self.pin_field.returnPressed.connect(self.attempt)
        self.login_button.clicked.connect(self.attempt)

    def reset(self) -> None:
        self.staff_field.clear()
        self.pin_field.clear()
        self.error_label.clear()
        self.staff_field.setFocus()

    def attempt(self) -> None:
        try:
            session: Session = self._auth.login(self.staff_field.text(), self.pin_field.text())
        except Exception as exc:  # every failure here is one the person can act on
            self.pin_field.clear()
            self.error_label.setText(explain(exc))
            self.pin_field.setFocus()
            return
        self.error_label.clear()
        self.pin_field.clear()
        self.logged_in.emit(session)
