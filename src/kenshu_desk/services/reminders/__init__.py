"""services/reminders: see ARCHITECTURE.md."""
