# Replaces the contributed thinc hook: every submodule and data file but thinc's tests.
from PyInstaller.utils.hooks import collect_data_files, collect_submodules


def _kept(name):
    return not (name == "thinc.tests" or name.startswith("thinc.tests."))


hiddenimports = collect_submodules("thinc", filter=_kept)
datas = collect_data_files("thinc", excludes=["tests", "**/*.pyx", "**/*.pxd", "**/*.pyi", "**/*.c"])
