"""ui/recordings: see ARCHITECTURE.md."""
