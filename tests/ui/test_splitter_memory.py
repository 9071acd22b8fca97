"""The review view's splitter sizes and the queue's header are remembered in the (private,
per-test) QSettings: a new view, or a new window, comes back the way the last one was left."""

from __future__ import annotations

from PySide6.QtCore import QSettings, Qt
from pytestqt.qtbot import QtBot

from workstation.session import Session
from workstation.ui.main_window import MainWindow
from workstation.ui.queue_view import QueueModel
from workstation.ui.review.view import ReviewView
from workstation.ui.settings import UiSettings

NAMES = {"texts", "vertical", "main"}


def shown_view(qtbot: QtBot, session: Session, settings: UiSettings) -> ReviewView:
    view = ReviewView(session, settings=settings)
    qtbot.addWidget(view)
    view.stack.setCurrentWidget(view.splitter)  # laid out as when a report is open
    view.resize(1200, 800)
    view.show()
    qtbot.waitExposed(view)
    return view


def sizes(view: ReviewView) -> dict[str, list[int]]:
    return {name: splitter.sizes() for name, splitter in view.splitters().items()}


def test_a_new_review_view_restores_the_sizes_a_previous_one_saved(
    qtbot: QtBot, session: Session, settings: UiSettings,
) -> None:
    first = shown_view(qtbot, session, settings)
    defaults = sizes(first)
    assert settings.review_splitters == {}
    # What a drag does: moveSplitter emits splitterMoved; the sizes are saved after a pause.
    first.splitter.moveSplitter(640, 1)
    first.vertical.moveSplitter(220, 1)
    first.texts_splitter.moveSplitter(260, 1)
    moved = sizes(first)
    assert all(moved[name] != defaults[name] for name in NAMES)
    qtbot.waitUntil(lambda: set(settings.review_splitters) == NAMES, timeout=3000)
    first.close()

    # A new view, reading the settings afresh from their file, shows the same sizes.
    settings.sync()
    second = shown_view(qtbot, session, UiSettings(QSettings()))
    assert sizes(second) == moved
    # Nothing else was stored: only these layout states.
    store = QSettings()
    store.beginGroup("review_view/splitters")
    assert sorted(store.childKeys()) == sorted(NAMES)


def test_the_window_saves_splitters_and_queue_sorting_when_it_closes(
    qtbot: QtBot, main_window: MainWindow, session: Session, settings: UiSettings,
) -> None:
    view = main_window.review_view
    view.stack.setCurrentWidget(view.splitter)
    main_window.pages.setCurrentWidget(view)
    qtbot.waitUntil(lambda: view.splitter.width() > 800)
    total = sum(view.splitter.sizes())
    view.splitter.setSizes([total - 500, 500])  # not a drag: saved only when the window closes
    wanted = view.splitter.sizes()
    table = main_window.database_view.queue_page.table
    table.sortByColumn(QueueModel.TITLE, Qt.SortOrder.AscendingOrder)
    geometry = main_window.geometry()
    main_window.close()
    assert set(settings.review_splitters) == NAMES

    again = MainWindow(session, settings)
    qtbot.addWidget(again)
    again.setGeometry(geometry)
    again.show()
    qtbot.waitUntil(lambda: not again.database_view.loading)
    again.review_view.stack.setCurrentWidget(again.review_view.splitter)
    again.pages.setCurrentWidget(again.review_view)
    qtbot.waitUntil(lambda: again.review_view.splitter.sizes() == wanted, timeout=3000)
    header = again.database_view.queue_page.table.horizontalHeader()
    assert header.sortIndicatorSection() == QueueModel.TITLE
    assert header.sortIndicatorOrder() == Qt.SortOrder.AscendingOrder
