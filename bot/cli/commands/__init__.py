"""One module per command (or pair): imported only when its command runs."""
