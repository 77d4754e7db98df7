"""``python -m legation``: the same as the ``legation`` command."""

from legation.cli import app

app(prog_name="legation")
