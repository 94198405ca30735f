"""The till's local SQLite store: the schema, its migrations, and the repositories over it."""
