"""kenshu-desk: programmes, agendas, invitations and attendance for a prefecture's trainings."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("kenshu-desk")
except PackageNotFoundError:  # running from a source tree that was never installed
    __version__ = "0.0.0+source"
