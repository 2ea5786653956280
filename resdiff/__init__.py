"""resdiff."""
