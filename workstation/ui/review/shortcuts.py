"""Help > Keyboard shortcuts (and `?` in the review): every key, listed from the actions
themselves (their text and their shortcuts), so the list cannot go stale."""

from __future__ import annotations

from collections.abc import Iterable, Sequence

from PySide6.QtCore import Qt
from PySide6.QtGui import QAction, QKeySequence
from PySide6.QtWidgets import QDialog, QDialogButtonBox, QLabel, QMenu, QTextBrowser, QVBoxLayout, QWidget


def plain(text: str) -> str:
    """An action's text without its mnemonic mark or trailing dots."""
    return text.replace("&&", "\0").replace("&", "").replace("\0", "&").rstrip("…").rstrip(".")


def keys_of(action: QAction) -> str:
    return ", ".join(k.toString(QKeySequence.SequenceFormat.NativeText) for k in action.shortcuts())


def menu_actions(actions: Iterable[QAction]) -> list[QAction]:
    """Every action with a shortcut in these actions and their menus, depth first."""
    found: list[QAction] = []
    for action in actions:
        menu = action.menu()
        if isinstance(menu, QMenu):
            found.extend(menu_actions(menu.actions()))
        elif not action.isSeparator() and action.shortcuts():
            found.append(action)
    return found


def shortcut_rows(sections: Sequence[tuple[str, Sequence[QAction]]]) -> list[tuple[str, str, str]]:
    """(section, keys, what) for every action with a shortcut, each action once."""
    seen: set[int] = set()
    rows = []
    for section, actions in sections:
        for action in actions:
            if id(action) in seen or not action.shortcuts():
                continue
            seen.add(id(action))
            rows.append((section, keys_of(action), plain(action.text())))
    return rows


def dialog_rows() -> list[tuple[str, str, str]]:
    """(dialog, keys, what) inside the review's dialogs: keys no action carries."""
    from workstation.ui.review import keep_reason, residual_dialog, signing_dialog

    return [(name, keys, what) for name, table in (
        ("Why keep it? (x or Shift+X on a sure suggestion)", keep_reason.KEYS),
        ("Findings before signing", residual_dialog.KEYS),
        ("Signing", signing_dialog.KEYS),
    ) for keys, what in table]


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


class ShortcutsDialog(QDialog):
    """The list, grouped by where the keys work; Esc or Close closes it."""

    def __init__(self, sections: Sequence[tuple[str, Sequence[QAction]]],
                 parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle("Keyboard shortcuts")
        self.rows = shortcut_rows(sections)
        self.dialog_rows = dialog_rows()
        html = []
        current = None
        for section, keys, what in [*self.rows, *self.dialog_rows]:
            if section != current:
                if current is not None:
                    html.append("</table>")
                html.append(f"<h3>{_escape(section)}</h3><table cellspacing='0' cellpadding='3'>")
                current = section
            html.append(f"<tr><td style='padding-right:18px'><b>{_escape(keys)}</b></td>"
                        f"<td>{_escape(what)}</td></tr>")
        if current is not None:
            html.append("</table>")
        self.browser = QTextBrowser()
        self.browser.setHtml("".join(html))
        note = QLabel("Single keys work while the text or the list has the focus, not while typing.")
        note.setWordWrap(True)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.browser, 1)
        layout.addWidget(note)
        layout.addWidget(buttons)
        self.resize(520, 600)
        self.setAttribute(Qt.WidgetAttribute.WA_DeleteOnClose)
