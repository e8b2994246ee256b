"""ui/year: see ARCHITECTURE.md."""
