# A small site for tests/test_docs.py: one figure from a spec file, one written inline.
project = "Vellum sample"
extensions = ["vellum.sphinx"]
exclude_patterns = ["_build"]
