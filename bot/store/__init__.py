"""The store: SQLAlchemy Core schema, engines, search backends and the repository."""
