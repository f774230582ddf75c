"""Tests of the project as a whole: the package and wheel, import contracts, docs, citations, user type checks."""
