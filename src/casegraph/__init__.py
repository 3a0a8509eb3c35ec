"""casegraph: a sourced, sanctions-screened network from investigative reporting."""

__version__ = "0.1.0"
