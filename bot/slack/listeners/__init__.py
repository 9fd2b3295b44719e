"""Bolt listeners, one module per kind of Slack surface: slash commands, actions (buttons and
shortcuts), views (modals) and events. Each parses the payload, calls the use-cases in
``bot.answers`` (or the store for desk records), renders with ``bot.slack.blocks`` and
replies; none holds business logic."""
