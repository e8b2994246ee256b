"""ui/participants: see ARCHITECTURE.md."""
