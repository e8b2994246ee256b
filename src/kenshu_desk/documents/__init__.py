"""Writers: pure functions from domain snapshots to bytes or files (PDF, XLSX …). No Qt."""
