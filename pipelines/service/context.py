"""Open the service's shared state once per process: database, file store, key secret."""

from __future__ import annotations

import os
from dataclasses import dataclass

from sqlalchemy import Engine
from sqlalchemy.orm import Session, sessionmaker

from pipelines.service.database import make_engine, make_session_factory, upgrade_database
from pipelines.service.filestore import FileStore
from pipelines.service.keys import load_or_create_secret
from pipelines.service.settings import ENV_KEY_SECRET, ServiceSettings


@dataclass
class ServiceContext:
    settings: ServiceSettings
    engine: Engine
    sessions: sessionmaker[Session]
    # For transactions that only read: they never wait for a writer on SQLite.
    readers: sessionmaker[Session]
    store: FileStore
    key_secret: bytes

    def close(self) -> None:
        self.engine.dispose()


def open_service(settings: ServiceSettings, *, migrate: bool = True) -> ServiceContext:
    """Connect to the database (applying migrations unless `migrate` is False) and the store."""
    if migrate:
        upgrade_database(settings.database_url)
    store = FileStore(settings.store_dir)
    store.prepare()
    engine = make_engine(settings.database_url)
    secret = load_or_create_secret(settings.key_secret_path(), os.environ.get(ENV_KEY_SECRET))
    return ServiceContext(
        settings=settings,
        engine=engine,
        sessions=make_session_factory(engine),
        readers=make_session_factory(engine, read_only=True),
        store=store,
        key_secret=secret,
    )
