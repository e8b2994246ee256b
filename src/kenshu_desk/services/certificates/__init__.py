"""修了証 (certificates of completion, issue 21)."""
