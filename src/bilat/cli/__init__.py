"""The command-line interface (Typer + rich), thin over the library."""
