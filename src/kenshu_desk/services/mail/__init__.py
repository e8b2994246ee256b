"""services/mail: see ARCHITECTURE.md."""
