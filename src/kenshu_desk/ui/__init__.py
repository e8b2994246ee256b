"""PySide6 only: windows, views, Qt models, dialogs, undo commands, workers."""
