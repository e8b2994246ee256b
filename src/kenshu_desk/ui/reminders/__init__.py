"""ui/reminders: materials (資料) and reminders of an event (issue 20)."""
