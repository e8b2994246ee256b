"""Domain: the data model and the pure rules (programme times, Japanese dates, readings)."""
