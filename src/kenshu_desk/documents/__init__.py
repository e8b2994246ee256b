"""Writers: pure functions of domain objects → bytes/files (PDF, .ics, XLSX/CSV). No Qt."""
