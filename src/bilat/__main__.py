"""`python -m bilat` runs the CLI."""

from bilat.cli.main import app

app()
