"""``python -m legation``: the same as the ``legation`` command."""

from legation.cli import main

main()
