"""Use cases over a Session. No Qt; long work reports progress through a callback."""
