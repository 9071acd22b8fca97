# Replaces the contributed spaCy hook (build.spec's hookspath comes first): the same
# "every submodule and data file", without spaCy's own test suite and Cython sources.
from PyInstaller.utils.hooks import collect_data_files, collect_submodules


def _kept(name):
    return not (name == "spacy.tests" or name.startswith("spacy.tests."))


hiddenimports = collect_submodules("spacy", filter=_kept)
datas = collect_data_files("spacy", excludes=["tests", "**/*.pyx", "**/*.pxd", "**/*.pyi", "**/*.c"])
