"""The panel in the GUI: the Panel tab, its menu and dialogs (install_panel)."""

from workstation.ui.panel.install import PanelActions, PanelHost, install_panel

__all__ = ["PanelActions", "PanelHost", "install_panel"]
