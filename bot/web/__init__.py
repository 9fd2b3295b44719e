"""The web edge: Slack over HTTP, article pages, /healthz, and the serve command."""
