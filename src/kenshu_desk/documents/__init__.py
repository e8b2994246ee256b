"""Writers: pure functions of domain objects → bytes (PDF). No Qt, no database."""
