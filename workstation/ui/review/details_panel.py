"""The "Published details" tab beside the review: every structured field the publication
prints (the reporter's role, years of service, agency type and size, time of day...), as
it will be published, each one published as given, generalised one step or withheld (a
review command, audited, covered by the sign-offs), and how many published reports share
the combination (the re-identification figure, worked out in the background)."""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QComboBox, QFormLayout, QLabel, QScrollArea, QVBoxLayout, QWidget

from workstation.errors import WorkstationError
from workstation.review.structured import Disclosure
from workstation.session import Session
from workstation.ui.tasks import run_task
from workstation.ui.widgets import ErrorLabel
from workstation.workflow import actions
from workstation.workflow.details_view import DetailRow, k_figure, published_details
from workstation.workflow.disclosure_check import KCheck

log = logging.getLogger(__name__)


class DetailsPanel(QWidget):
    changed = Signal()  # a field's disclosure changed (the publishable content did)

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.report_id: int | None = None
        self.combos: dict[str, QComboBox] = {}
        self._token = 0
        intro = QLabel("What the publication prints besides the text. Together with the month these "
                       "can point at an officer: publish each as given, generalised, or withheld.")
        intro.setWordWrap(True)
        self.form = QFormLayout()
        inner = QWidget()
        inner.setLayout(self.form)
        scroll = QScrollArea()
        scroll.setWidgetResizable(True)
        scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)  # combos shrink instead
        scroll.setWidget(inner)
        self.k_label = QLabel()
        self.k_label.setWordWrap(True)
        self.error_label = ErrorLabel()
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(scroll, 1)
        layout.addWidget(self.k_label)
        layout.addWidget(self.error_label)

    def load(self, report_id: int) -> None:
        self.report_id = report_id
        while self.form.rowCount():
            self.form.removeRow(0)
        self.combos = {}
        for row in published_details(self.session, report_id):
            combo = self._combo(row)
            self.combos[row.field] = combo
            self.form.addRow(f"{row.heading}:", combo)
        self.error_label.clear_error()
        self.refresh_k()

    def _combo(self, row: DetailRow) -> QComboBox:
        combo = QComboBox()
        combo.setSizeAdjustPolicy(QComboBox.SizeAdjustPolicy.AdjustToMinimumContentsLengthWithIcon)
        combo.setMinimumContentsLength(14)
        combo.addItem(f"As given: {row.given}", Disclosure.PUBLISH.value)
        if row.generalised is not None:
            combo.addItem(f"Generalised: {row.generalised}", Disclosure.GENERALISE.value)
        combo.addItem("Withheld", Disclosure.WITHHOLD.value)
        combo.currentTextChanged.connect(combo.setToolTip)  # the whole choice, when the tab is narrow
        combo.setCurrentIndex(max(combo.findData(row.choice), 0))
        combo.setToolTip(combo.currentText())
        combo.setAccessibleName(row.heading)
        combo.activated.connect(lambda _index, field=row.field, box=combo: self._chosen(field, box))
        return combo

    def _chosen(self, field: str, combo: QComboBox) -> None:
        if self.report_id is None:
            return
        try:
            actions.set_disclosure(self.session, self.report_id, field, str(combo.currentData()))
        except WorkstationError as exc:
            self.error_label.show_error(exc.message)
            self.load(self.report_id)  # show what is saved
            return
        self.error_label.clear_error()
        self.changed.emit()
        self.refresh_k()

    def refresh_k(self) -> None:
        """The figure for the combination, counted in the background (all reviewed reports)."""
        if self.report_id is None:
            return
        self._token += 1
        token, report_id, session = self._token, self.report_id, self.session
        self.k_label.setText("Counting the published reports that share these details…")

        def done(check: KCheck) -> None:
            if token == self._token:
                self.k_label.setText(("⚠ " if check.below_k else "") + check.in_words())

        def failed(exc: BaseException) -> None:
            if token == self._token:
                log.info("k figure failed: %s", type(exc).__name__)
                self.k_label.setText("The figure could not be worked out.")

        run_task(lambda: k_figure(session, report_id), done, failed)
