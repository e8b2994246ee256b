"""Participants' replies to our calendar invitations (issue 20): parse, record, fetch."""
