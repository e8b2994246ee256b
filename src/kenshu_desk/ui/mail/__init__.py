"""ui/mail: see ARCHITECTURE.md."""
