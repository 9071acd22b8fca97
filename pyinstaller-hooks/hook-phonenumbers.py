# Replaces the contributed phonenumbers hook. Stock Presidio's phone recognizer uses the
# number metadata (loaded lazily by module name, hence collect_submodules) but never the
# geocoder, carrier or time-zone data (about 45 MB), which stay out.
from PyInstaller.utils.hooks import collect_submodules

_UNUSED = ("geocoder", "geodata", "carrier", "carrierdata", "timezone", "tzdata")


def _kept(name):
    return not any(name == f"phonenumbers.{part}" or name.startswith(f"phonenumbers.{part}.")
                   for part in _UNUSED)


hiddenimports = collect_submodules("phonenumbers", filter=_kept)
