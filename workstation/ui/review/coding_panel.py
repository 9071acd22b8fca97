"""The coding panel beside the review: publishable title, activity/call type, contributing
factors and loss potential (taxonomy codes), lessons learned, key takeaways, roll-call
discussion questions, and the incident date as it will be published (month and year).

Every change is saved shortly after the typing stops (and at once when the panel is left,
the report is changed or the workstation locks), through the SaveCoding review command (audited).
"""

from __future__ import annotations

import logging

from PySide6.QtCore import Qt, QTimer, Signal
from PySide6.QtGui import QShowEvent
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from workstation.errors import WorkstationError
from workstation.intake.submission_schema import taxonomy_labels
from workstation.review.coding import MAX_TITLE, Coding, published_date
from workstation.review.report_review import ReportUnderReview
from workstation.session import Session
from workstation.ui.widgets import ErrorLabel
from workstation.workflow.actions import save_coding

log = logging.getLogger(__name__)

SAVE_DELAY_MS = 800


def _lines(edit: QPlainTextEdit) -> tuple[str, ...]:
    return tuple(line.strip() for line in edit.toPlainText().splitlines() if line.strip())


class CheckList(QListWidget):
    """A taxonomy checklist: one checkable row per code, in form order."""

    def __init__(self, labels: dict[str, str], rows: int = 6, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        for code, label in labels.items():
            item = QListWidgetItem(label)
            item.setData(Qt.ItemDataRole.UserRole, code)
            item.setFlags(Qt.ItemFlag.ItemIsEnabled | Qt.ItemFlag.ItemIsUserCheckable)
            item.setCheckState(Qt.CheckState.Unchecked)
            self.addItem(item)
        self._rows = rows
        self.setUniformItemSizes(True)
        self._fit()

    def _fit(self) -> None:
        """Exactly `rows` whole rows tall (row heights are only right once polished)."""
        self.setFixedHeight(self.sizeHintForRow(0) * self._rows + 2 * self.frameWidth())

    def showEvent(self, event: QShowEvent) -> None:
        self._fit()
        super().showEvent(event)

    def codes(self) -> tuple[str, ...]:
        return tuple(self.item(i).data(Qt.ItemDataRole.UserRole) for i in range(self.count())
                     if self.item(i).checkState() == Qt.CheckState.Checked)

    def set_codes(self, codes: tuple[str, ...]) -> None:
        wanted = set(codes)
        for i in range(self.count()):
            item = self.item(i)
            checked = item.data(Qt.ItemDataRole.UserRole) in wanted
            item.setCheckState(Qt.CheckState.Checked if checked else Qt.CheckState.Unchecked)
        # A ticked row scrolled out of sight looks like nothing is ticked: show the first one.
        first = next((self.item(i) for i in range(self.count())
                      if self.item(i).checkState() == Qt.CheckState.Checked), None)
        self.scrollToItem(first or self.item(0), QAbstractItemView.ScrollHint.PositionAtTop)


class CodingPanel(QScrollArea):
    saved = Signal()

    def __init__(self, session: Session, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.report_id: int | None = None
        self.previous = Coding()
        self._loading = False
        self.setWidgetResizable(True)
        self.setFrameShape(QFrame.Shape.NoFrame)
        self.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)

        self.title_edit = QLineEdit()
        self.title_edit.setMaxLength(MAX_TITLE)
        self.title_edit.setPlaceholderText("One line, written from the redacted text")
        self.activity_combo = QComboBox()
        self.activity_combo.addItem("(choose)", "")
        for code, label in taxonomy_labels("activity_type").items():
            self.activity_combo.addItem(label, code)
        self.factors_list = CheckList(taxonomy_labels("contributing_factors"), rows=7)
        self.loss_list = CheckList(taxonomy_labels("loss_potential"), rows=3)
        self.lessons_edit = QPlainTextEdit()
        self.lessons_edit.setPlaceholderText("In the panel's words, without identifying details")
        self.lessons_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.takeaways_edit = QPlainTextEdit()
        self.takeaways_edit.setPlaceholderText("One takeaway per line")
        self.takeaways_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)
        self.questions_edit = QPlainTextEdit()
        self.questions_edit.setPlaceholderText("One question per line, for roll-call debriefs")
        self.questions_edit.setFixedHeight(self.fontMetrics().lineSpacing() * 5 + 12)  # three questions
        self.date_label = QLabel("—")
        self.date_label.setToolTip("Published dates show the month and year only.")
        self.status_label = QLabel()
        self.status_label.setObjectName("codingStatus")
        self.status_label.setStyleSheet("QLabel#codingStatus { color: palette(mid); }")
        self.error_label = ErrorLabel()
        self.save_button = QPushButton("Save coding")
        self.save_button.setToolTip("Coding is also saved as you type")
        self.save_button.clicked.connect(self.save)

        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        form.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        form.addRow("Pu&blishable title", self.title_edit)
        form.addRow("&Activity / call type", self.activity_combo)
        form.addRow("Published &date", self.date_label)
        form.addRow("Contributing fa&ctors", self.factors_list)
        form.addRow("&Loss potential", self.loss_list)
        form.addRow("L&essons learned", self.lessons_edit)

        # The takeaways stand out here as they will in the published report.
        self.takeaways_box = QFrame()
        self.takeaways_box.setObjectName("takeaways")
        self.takeaways_box.setStyleSheet(
            "QFrame#takeaways { background: #fff4cc; border: 1px solid #d9b84a; border-radius: 4px; }"
            "QFrame#takeaways QLabel { color: #3d3000; background: transparent; border: none; }"
            "QFrame#takeaways QPlainTextEdit { background: white; color: black; }"
        )
        takeaways_label = QLabel("<b>&Key takeaways</b> (highlighted when published)")
        takeaways_label.setBuddy(self.takeaways_edit)
        takeaways_label.setWordWrap(True)
        box_layout = QVBoxLayout(self.takeaways_box)
        box_layout.setContentsMargins(6, 4, 6, 6)
        box_layout.setSpacing(3)
        box_layout.addWidget(takeaways_label)
        box_layout.addWidget(self.takeaways_edit)

        questions = QFormLayout()
        questions.setRowWrapPolicy(QFormLayout.RowWrapPolicy.WrapAllRows)
        questions.addRow("Roll-call discussion &questions", self.questions_edit)

        body = QWidget()
        layout = QVBoxLayout(body)
        layout.setContentsMargins(8, 4, 8, 4)
        heading = QLabel("<b>Coding</b>")
        # Save at the top, beside the heading: reachable without scrolling on a small screen
        save_row = QHBoxLayout()
        save_row.addWidget(heading)
        save_row.addWidget(self.status_label, 1)
        save_row.addWidget(self.save_button)
        layout.addLayout(save_row)
        layout.addWidget(self.error_label)
        layout.addLayout(form)
        layout.addWidget(self.takeaways_box)
        layout.addLayout(questions)
        layout.addStretch(1)
        self.setWidget(body)

        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(SAVE_DELAY_MS)
        self._timer.timeout.connect(self.save)
        self.title_edit.textEdited.connect(self._changed)
        self.title_edit.editingFinished.connect(self.save)
        self.activity_combo.currentIndexChanged.connect(self._changed)
        self.factors_list.itemChanged.connect(self._changed)
        self.loss_list.itemChanged.connect(self._changed)
        for edit in (self.lessons_edit, self.takeaways_edit, self.questions_edit):
            edit.textChanged.connect(self._changed)
        self.setEnabled(False)

    # ----- loading and reading -----------------------------------------------------

    def load(self, review: ReportUnderReview) -> None:
        self.flush()
        self._loading = True
        try:
            self.report_id = review.report_id
            coding = self.previous = review.coding
            self.title_edit.setText(coding.publishable_title)
            index = self.activity_combo.findData(coding.activity_type)
            self.activity_combo.setCurrentIndex(max(index, 0))
            self.factors_list.set_codes(coding.contributing_factors)
            self.loss_list.set_codes(coding.loss_potential)
            self.lessons_edit.setPlainText(coding.lessons_learned)
            self.takeaways_edit.setPlainText("\n".join(coding.takeaways))
            self.questions_edit.setPlainText("\n".join(coding.discussion_questions))
            incident = review.submission.get("incident_date")
            try:
                self.date_label.setText(published_date(incident) if isinstance(incident, str) else "—")
            except ValueError:
                self.date_label.setText("—")
            self.error_label.clear_error()
            self.status_label.setText("")
        finally:
            self._loading = False
        self.setEnabled(True)

    def current(self) -> Coding:
        return Coding(
            publishable_title=self.title_edit.text(),
            activity_type=self.activity_combo.currentData() or "",
            contributing_factors=self.factors_list.codes(),
            loss_potential=self.loss_list.codes(),
            lessons_learned=self.lessons_edit.toPlainText(),
            takeaways=_lines(self.takeaways_edit),
            discussion_questions=_lines(self.questions_edit),
        )

    # ----- saving ------------------------------------------------------------------

    def _changed(self, *_args: object) -> None:
        if not self._loading and self.report_id is not None:
            self.status_label.setText("Not saved yet…")
            self._timer.start()

    def flush(self) -> None:
        """Save now if a change is waiting (before another report, going back, locking)."""
        if self._timer.isActive():
            self.save()

    def save(self) -> bool:
        self._timer.stop()
        if self.report_id is None or self._loading:
            return False
        try:
            saved = save_coding(self.session, self.report_id, self.current(), self.previous)
        except WorkstationError as exc:
            self.error_label.show_error(exc.message)
            self.status_label.setText("Not saved")
            return False
        changed = saved != self.previous
        self.previous = saved
        self.error_label.clear_error()
        self.status_label.setText("Coding saved" if changed else "No changes to save")
        if changed:
            log.info("Coding saved for report %d", self.report_id)
            self.saved.emit()
        return True

    def clear(self) -> None:
        self.flush()
        self.report_id = None
        self.setEnabled(False)
