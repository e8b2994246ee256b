"""services/materials: see ARCHITECTURE.md."""
