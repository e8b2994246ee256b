"""services/team: see ARCHITECTURE.md."""
