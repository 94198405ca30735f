"""Reference central platform: FastAPI + SQLAlchemy, SQLite by default, PostgreSQL in production."""
