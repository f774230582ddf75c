"""`make bench`: the figures users compare API clients by (run ``python -m benchmarks.run``; see README.md here)."""
