"""Fixtures for the mail tests; the kit itself is in mailkit.py (importable by the tests)."""

from mailkit import smtp_server, tls_server_factory

__all__ = ["smtp_server", "tls_server_factory"]
