"""``python -m sitrep``: the same command as the ``sitrep`` script."""

from sitrep.cli import main

raise SystemExit(main())
