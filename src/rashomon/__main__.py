"""``python -m rashomon …`` runs the command line, as ``rashomon …`` does."""

from rashomon.cli import app

app(prog_name="rashomon")
