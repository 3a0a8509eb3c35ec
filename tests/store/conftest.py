"""Store tests run on SQLite and on PostgreSQL (see tests/store/postgres.py)."""

from tests.store.postgres import db_url, postgres_admin_url  # noqa: F401  (fixtures)
