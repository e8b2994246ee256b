"""ui/timetable: see ARCHITECTURE.md."""
