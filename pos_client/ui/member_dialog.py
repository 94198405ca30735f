"""Putting a member on the sale: their mobile number or member code (typed, or the app's QR or card
scanned), Enter to find, Enter again to attach; F2 signs a new customer up by phone, also offline;
F4 takes the member off the sale.  Everything shown is masked (138****5678, 张*); F6 lets a
manager see one member's full contact from central with their own number and PIN."""

from __future__ import annotations

from collections.abc import Callable

from PySide6.QtCore import QT_TRANSLATE_NOOP, Qt
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import QDialog, QHBoxLayout, QLabel, QLineEdit, QPushButton, QVBoxLayout

from pos_client.domain.members import Member, MemberError, normalize_phone
from pos_client.services.checkout import CheckoutService

TIERS = {"gold": QT_TRANSLATE_NOOP("MemberDialog", "Gold"),
         "silver": QT_TRANSLATE_NOOP("MemberDialog", "Silver"),
         "standard": QT_TRANSLATE_NOOP("MemberDialog", "Member")}


# reveal(member_id, staff number, PIN, on_contact(MemberContact), on_failure(exception)): asks central.
Reveal = Callable[[str, str, str, Callable, Callable], None]


class MemberDialog(QDialog):
    def __init__(self, checkout: CheckoutService, parent=None, reveal: Reveal | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("memberDialog")
        self.setWindowTitle(self.tr("Member"))
        self.setModal(True)
        self.checkout = checkout
        self.found: Member | None = None

        hint = QLabel(self.tr("Mobile number or member code (scan the member's QR or card), then Enter."))
        hint.setWordWrap(True)
        self.field = QLineEdit()
        self.field.setObjectName("memberField")
        self.field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
        self.field.setMaxLength(20)
        self.field.returnPressed.connect(self._enter)
        self.name_field = QLineEdit()
        self.name_field.setObjectName("memberName")
        self.name_field.setPlaceholderText(self.tr("Name (optional, for a sign-up)"))
        self.name_field.returnPressed.connect(self.sign_up)
        self.card = QLabel()
        self.card.setObjectName("memberCard")
        self.card.setWordWrap(True)
        self.error_label = QLabel()
        self.error_label.setObjectName("errorLabel")
        self.error_label.setWordWrap(True)
        self.sign_up_button = QPushButton(self.tr("F2 Sign up with this number"))
        self.sign_up_button.clicked.connect(self.sign_up)
        self.remove_button = QPushButton(self.tr("F4 Take the member off the sale"))
        self.remove_button.clicked.connect(self.remove)
        self.remove_button.setEnabled(checkout.member is not None)
        self._reveal = reveal
        self.contact_button = QPushButton(self.tr("F6 Full contact (manager)"))
        self.contact_button.clicked.connect(self.ask_contact)
        self.contact_button.setVisible(reveal is not None)
        self.manager_field = QLineEdit()
        self.manager_field.setObjectName("contactManager")
        self.manager_field.setPlaceholderText(self.tr("Manager's staff number"))
        self.manager_pin = QLineEdit()
        self.manager_pin.setObjectName("contactPin")
        self.manager_pin.setPlaceholderText(self.tr("Manager's PIN, then Enter"))
        self.manager_pin.setEchoMode(QLineEdit.EchoMode.Password)
        for field in (self.manager_field, self.manager_pin):
            field.setAttribute(Qt.WidgetAttribute.WA_InputMethodEnabled, False)
            field.setMinimumHeight(44)
            field.hide()
        self.manager_field.returnPressed.connect(self.manager_pin.setFocus)
        self.manager_pin.returnPressed.connect(self._reveal_contact)
        self.contact_label = QLabel()
        self.contact_label.setObjectName("contactLabel")
        self.contact_label.setWordWrap(True)
        self.asking = False
        cancel = QPushButton(self.tr("Back (Esc)"))
        cancel.clicked.connect(self.reject)
        buttons = QHBoxLayout()
        for button in (self.sign_up_button, self.remove_button, self.contact_button, cancel):
            button.setAutoDefault(False)
            button.setMinimumHeight(44)
            buttons.addWidget(button)
        for key, slot in (("F2", self.sign_up), ("F4", self.remove), ("F6", self.ask_contact)):
            QShortcut(QKeySequence(key), self, activated=slot)
        layout = QVBoxLayout(self)
        layout.addWidget(hint)
        layout.addWidget(self.field)
        layout.addWidget(self.name_field)
        layout.addWidget(self.card)
        layout.addWidget(self.manager_field)
        layout.addWidget(self.manager_pin)
        layout.addWidget(self.contact_label)
        layout.addWidget(self.error_label)
        layout.addLayout(buttons)
        self.resize(560, 0)
        if checkout.member is not None:
            self.card.setText(self.tr("On this sale: {member}").format(member=self.describe(checkout.member)))
        self.field.setFocus()

    def describe(self, m: Member) -> str:
        tier = self.tr(TIERS.get(m.tier, TIERS["standard"]))
        name = f" {m.name_masked}" if m.name_masked else ""
        return self.tr("{phone}{name} · {tier} · {points} points · {code}").format(
            phone=m.phone_masked, name=name, tier=tier, points=f"{m.points:,}", code=m.code)

    def _enter(self) -> None:
        typed = self.field.text().strip()
        if self.found is not None and typed == self._found_for:
            self.checkout.attach_member(self.found)
            self.accept()
            return
        self.found, self._found_for = None, typed
        self.contact_label.clear()
        try:
            member = self.checkout.find_member(typed)
        except MemberError:
            text = self.tr("\"{text}\" is neither a mobile number (11 digits) nor a member code.")
            self.error_label.setText(text.format(text=typed[:20]))
            self.field.selectAll()
            return
        if member is None:
            self.card.clear()
            self.error_label.setText(self.tr(
                "No member has this number or code. F2 signs the customer up with it."))
            return
        self.found = member
        self.error_label.clear()
        text = self.tr("{member}\nEnter puts them on the sale.")
        self.card.setText(text.format(member=self.describe(member)))

    def sign_up(self) -> None:
        typed = self.field.text().strip()
        try:
            normalize_phone(typed)
            member = self.checkout.sign_up(typed, self.name_field.text().strip())
        except MemberError as exc:
            messages = {
                "not_a_mobile_number": self.tr("A sign-up needs the customer's mobile number (11 digits)."),
                "already_member": self.tr("This number is already a member: Enter finds them."),
                "no_member_key": self.tr("This till has not received the member settings from central yet: "
                                         "sync once (F9), then sign up."),
            }
            self.error_label.setText(messages.get(exc.reason, exc.reason))
            return
        self.found = member
        self.accept()

    # ------------------------------------------------------------ full contact
    def _member_shown(self) -> Member | None:
        return self.found or self.checkout.member

    def ask_contact(self) -> None:
        if self._reveal is None:
            return
        if self._member_shown() is None:
            self.error_label.setText(self.tr("Find the member first, then F6."))
            return
        self.error_label.setText(self.tr("A manager gives their own staff number and PIN to see this "
                                         "member's full contact; central records who looked."))
        for field in (self.manager_field, self.manager_pin):
            field.clear()
            field.show()
        self.manager_field.setFocus()

    def _reveal_contact(self) -> None:
        member = self._member_shown()
        if self._reveal is None or member is None or self.asking:
            return
        self.asking = True
        self.error_label.setText(self.tr("Asking central…"))
        self._reveal(member.member_id, self.manager_field.text(), self.manager_pin.text(),
                     self._contact_shown, self._contact_failed)
        self.manager_pin.clear()

    def _contact_shown(self, contact) -> None:
        self.asking = False
        for field in (self.manager_field, self.manager_pin):
            field.hide()
        self.error_label.clear()
        text = self.tr("Full contact: {phone} {name} (member {code}). Shown once, not kept at this till; "
                       "central has recorded who looked.")
        self.contact_label.setText(text.format(phone=contact.phone, name=contact.name, code=contact.code))
        self.field.setFocus()

    def _contact_failed(self, error: BaseException) -> None:
        from pos_client.services.member_contact import ContactRefused

        self.asking = False
        code = error.code if isinstance(error, ContactRefused) else "unavailable"
        messages = {
            "wrong_staff_pin": self.tr("Staff number or PIN is wrong; nothing is shown."),
            "not_allowed": self.tr("Only a manager may see a member's full contact."),
            "no_such_member": self.tr("Central does not know this member yet (signed up offline?): "
                                      "try again after the next sync."),
            "unavailable": self.tr("Central cannot be reached now: full contact details are shown "
                                   "only online."),
        }
        self.error_label.setText(messages.get(code, messages["unavailable"]))
        self.manager_pin.setFocus()

    def remove(self) -> None:
        if self.checkout.member is not None:
            self.checkout.attach_member(None)
            self.accept()

    _found_for = ""
