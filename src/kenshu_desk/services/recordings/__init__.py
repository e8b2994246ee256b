"""services/recordings: see ARCHITECTURE.md."""
