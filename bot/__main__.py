"""``python -m bot`` runs the command-line interface."""

from bot.cli.main import main

if __name__ == "__main__":  # not when a worker process (ingest's pool) imports this module
    raise SystemExit(main())
