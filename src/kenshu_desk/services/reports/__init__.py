"""Reports written after an event: the 実施報告書 (event report)."""
