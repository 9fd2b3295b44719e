"""``python -m bot`` runs the command-line interface."""

from bot.cli.main import main

raise SystemExit(main())
