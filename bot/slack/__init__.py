"""The Slack edge: Bolt app factory, listeners, Block Kit rendering and escaping."""
