"""services/shared: see ARCHITECTURE.md."""
