"""Command groups of the `casegraph` CLI, each a typer sub-app registered by `casegraph.cli`."""
