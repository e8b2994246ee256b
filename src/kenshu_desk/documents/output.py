"""Writing a finished document to the user's file (kept for the modules that import it here)."""

from __future__ import annotations

from kenshu_desk.documents.files import write_atomically

__all__ = ["write_atomically"]
