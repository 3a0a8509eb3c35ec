"""Relation frames, one module per family of predicates they produce."""
