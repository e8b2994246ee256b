"""E-mail: MIME composition (email package), templates, settings and the SMTP transport. No Qt."""
