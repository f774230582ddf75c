"""Building blocks of the contract suites: spec access, targets, runners, reports (no tests here)."""
