"""services/timetable: see ARCHITECTURE.md."""
