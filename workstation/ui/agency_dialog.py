"""File > Export > Agency PDFs: the period, the small-count threshold k and the folder,
checked (period, overlap with earlier exports, folder) before the dialog closes."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from pathlib import Path

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QSpinBox,
    QVBoxLayout,
    QWidget,
)

from workstation.errors import WorkstationError
from workstation.export.agency_outlook import AgencyPeriods
from workstation.export.disclosure import DEFAULT_K
from workstation.export.naming import agency_folder_name, export_folder
from workstation.export.periods import Period, parse_period
from workstation.export.preflight import check_agency_period
from workstation.session import Session
from workstation.ui.settings import UiSettings
from workstation.ui.widgets import ErrorLabel, ok_cancel_buttons

MAX_K = 99
TARGET_WIDTH = 400  # pixels for "The PDFs go to <folder>" in the agency dialog


@dataclass(frozen=True)
class AgencyChoice:
    period: Period
    k: int
    out: Path


class AgencyExportDialog(QDialog):
    """Period, threshold k and folder; checked (period, overlap with earlier exports,
    folder) before it closes, with one message for what is wrong."""

    def __init__(self, session: Session, settings: UiSettings, parent: QWidget | None = None, *,
                 today: date | None = None) -> None:
        super().__init__(parent)
        self.session = session
        self.settings = settings
        self.choice: AgencyChoice | None = None
        self.setWindowTitle("Export agency PDFs")
        today = today or date.today()

        intro = QLabel("One summary PDF per partner agency for a calendar quarter or year. "
                       "Counts below k are printed as \u201cfewer than k\u201d; an agency with "
                       "fewer than k reports gets a one-page notice.")
        intro.setWordWrap(True)
        self.period_combo = QComboBox()
        self.period_combo.setEditable(True)
        self.period_combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
        self.periods = AgencyPeriods(session)
        offered, preselected = self.periods.choices(today)
        self.period_combo.addItems(offered)
        self.period_combo.setCurrentIndex(offered.index(preselected))
        self.period_combo.setToolTip("A quarter like 2026-Q3 or a year like 2026")
        self.period_combo.setMinimumContentsLength(10)
        period_edit = self.period_combo.lineEdit()
        if period_edit is not None:  # an editable combo box always has one
            period_edit.setAccessibleName("Period")
        self.k_spin = QSpinBox()
        self.k_spin.setRange(2, MAX_K)  # the disclosure rule needs k of at least 2
        self.k_spin.setValue(DEFAULT_K)
        self.k_spin.setToolTip("Small-count threshold: counts below it are not printed")
        self.folder_edit = QLineEdit()
        folder = settings.last_export_folder
        if folder is not None and folder.is_dir():
            self.folder_edit.setText(str(folder))
        self.folder_edit.setPlaceholderText("Where the PDFs go")
        self.folder_edit.setMinimumWidth(260)
        choose = QPushButton("&Choose…")
        choose.clicked.connect(self.choose_folder)
        folder_row = QHBoxLayout()
        folder_row.setContentsMargins(0, 0, 0, 0)
        folder_row.addWidget(self.folder_edit, 1)
        folder_row.addWidget(choose)
        # One line, elided in the middle (full path in the tooltip): a wrapped label leaves
        # the dialog a line taller than it needs.
        self.target_label = QLabel()
        self.target_label.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)

        folder_label = QLabel("&Folder")
        folder_label.setBuddy(self.folder_edit)  # a row holding a layout gets no buddy of its own
        form = QFormLayout()
        form.addRow("&Period", self.period_combo)
        form.addRow("&k", self.k_spin)
        form.addRow(folder_label, folder_row)
        form.addRow("", self.target_label)
        self.outlook_label = QLabel()  # how many agencies get figures, before anything is written
        self.outlook_label.setWordWrap(True)
        self.error_label = ErrorLabel()
        buttons = ok_cancel_buttons(self, "Export")
        self.export_button = buttons.button(QDialogButtonBox.StandardButton.Ok)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addLayout(form)
        layout.addWidget(self.outlook_label)
        layout.addWidget(self.error_label)
        layout.addSpacing(6)
        layout.addWidget(buttons)
        self.setMinimumWidth(500)

        self.period_combo.currentTextChanged.connect(lambda _t: self._update_target())
        self.folder_edit.textChanged.connect(lambda _t: self._update_target())
        self.k_spin.valueChanged.connect(lambda _k: self._update_target())
        self._update_target()

    def choose_folder(self) -> None:
        start = self.folder_edit.text().strip() or str(Path.home())
        chosen = QFileDialog.getExistingDirectory(self, "Export agency PDFs: choose a folder", start)
        if chosen:
            self.folder_edit.setText(chosen)

    def _target(self) -> Path | None:
        text = self.folder_edit.text().strip()
        try:
            period = parse_period(self.period_combo.currentText())
        except WorkstationError:
            return None
        return export_folder(Path(text), agency_folder_name(period)) if text else None

    def _update_target(self) -> None:
        try:
            outlook = self.periods.outlook(parse_period(self.period_combo.currentText()), self.k_spin.value())
            self.outlook_label.setText(outlook.describe())
        except WorkstationError:
            self.outlook_label.setText("")
        target = self._target()
        text = f"The PDFs go to {target}" if target is not None else ""
        metrics = self.target_label.fontMetrics()
        self.target_label.setText(metrics.elidedText(text, Qt.TextElideMode.ElideMiddle, TARGET_WIDTH))
        self.target_label.setToolTip(text)
        self.target_label.setVisible(target is not None)

    def _show_error(self, text: str) -> None:
        self.error_label.show_error(text)
        # A window does not grow by itself for a label that wraps (height for width): a
        # two-line message would squeeze the fields.
        layout = self.layout()
        if layout is None:
            return
        layout.activate()
        needed = layout.totalHeightForWidth(self.width())
        if needed > self.height():
            self.resize(self.width(), needed)

    def check(self) -> AgencyChoice | None:
        """The choice, or None with the one thing to fix shown in the dialog."""
        try:
            period = parse_period(self.period_combo.currentText())
            k = self.k_spin.value()
            check_agency_period(self.session, period, k)
        except WorkstationError as exc:
            self._show_error(exc.message)
            self.period_combo.setFocus()
            return None
        folder = self.folder_edit.text().strip()
        if not folder:
            self._show_error("Choose the folder the PDFs go to.")
            return None
        if not Path(folder).is_dir():
            self._show_error(f"The folder {folder} does not exist.")
            return None
        self.error_label.clear_error()
        return AgencyChoice(period, k, export_folder(Path(folder), agency_folder_name(period)))

    def accept(self) -> None:
        choice = self.check()
        if choice is None:
            return
        self.choice = choice
        self.settings.last_export_folder = Path(self.folder_edit.text().strip())
        super().accept()
