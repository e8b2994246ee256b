"""services/participants: see ARCHITECTURE.md."""
