"""Writers: pure functions of domain objects → bytes or files. No Qt."""
