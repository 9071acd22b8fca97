"""On first start the main window is as large as the screen allows (within bounds), so a
1366x768 laptop shows the coding panel beside the text; a 1024-wide screen folds it (F4)."""

from __future__ import annotations

import pytest
from PySide6.QtCore import QSize

from workstation.ui.main_window import first_size
from workstation.ui.review.fitting import NARROW_WIDTH


@pytest.mark.parametrize(("screen", "size", "coding_panel_shown"), [
    ((1366, 728), (1326, 688), True),  # a 1366x768 laptop less its taskbar
    ((1920, 1040), (1366, 900), True),
    ((1024, 668), (1100, 680), False),  # a small screen: the window manager fits it; F4 shows the panel
])
def test_first_size(screen: tuple[int, int], size: tuple[int, int], coding_panel_shown: bool) -> None:
    assert first_size(QSize(*screen)) == size
    assert (size[0] >= NARROW_WIDTH) is coding_panel_shown
