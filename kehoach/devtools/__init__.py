"""Developer tools for tests and benchmarks (never used by the ``kehoach`` command itself)."""
