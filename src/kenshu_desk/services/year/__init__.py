"""services/year: see ARCHITECTURE.md."""
