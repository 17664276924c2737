"""Private machinery shared by the public modules: validators, encodings, deep equality, diffs.

Nothing here is public API; each mechanism lives once and every public module calls it.
"""
