"""The Starlette application of ``sitrep serve``: routes, static files, security headers.

Reads go through read-only connections to the store, one per worker thread. Writing
(``POST /api/v1/documents``) exists only when a token is given: documents are then
ingested one at a time on a single writer thread, through the same path as
``sitrep ingest`` (:func:`sitrep.store.ingest_items`).
"""

from __future__ import annotations

import contextlib
import html
import threading
from concurrent.futures import Future, ThreadPoolExecutor
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlsplit

from starlette.applications import Starlette
from starlette.requests import Request
from starlette.responses import HTMLResponse, Response
from starlette.routing import Mount, Route
from starlette.staticfiles import StaticFiles
from starlette.types import ASGIApp, Message, Receive, Scope, Send

from ..errors import InputError
from ..records import Document
from ..store import IncidentStore, ingest_items
from . import routes
from .errors import HANDLERS

STATIC = Path(__file__).parent / "static"
MAX_BODY = 2_000_000  # bytes of a posted document


@dataclass(frozen=True, slots=True)
class ServeConfig:
    db: str
    token: str | None = None
    tiles: str | None = None  # a tile URL template such as https://tiles.example/{z}/{x}/{y}.png
    max_body: int = MAX_BODY


def tiles_origin(template: str) -> str:
    """The origin of a tile URL template (for the page's CSP); InputError unless http(s)."""
    parts = urlsplit(template)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise InputError(f"the tile URL must be http(s)://host/...{{z}}/{{x}}/{{y}}, not {template!r}",
                         source="--tiles")
    if not all(f"{{{key}}}" in template for key in "zxy"):
        raise InputError(f"the tile URL needs {{z}}, {{x}} and {{y}}: {template!r}", source="--tiles")
    return f"{parts.scheme}://{parts.netloc}"


class ReadStores:
    """A read-only store per thread (SQLite connections stay on the thread that made them)."""

    def __init__(self, path: str) -> None:
        self.path = path
        self._local = threading.local()
        IncidentStore(path, readonly=True).close()  # fail now, not on the first request

    def get(self) -> IncidentStore:
        store = getattr(self._local, "store", None)
        if store is None:
            store = self._local.store = IncidentStore(self.path, readonly=True)
            store.connection.execute("PRAGMA temp_store=MEMORY")  # grouping maps and timelines
            store.connection.execute("PRAGMA cache_size=-32768")  # 32 MiB of pages a thread
        return store


class Writer:
    """Ingests posted documents one at a time on its own thread, with its own store and pipeline."""

    def __init__(self, path: str, *, token: str, max_body: int) -> None:
        self.path, self.token, self.max_body = path, token, max_body
        self._executor = ThreadPoolExecutor(max_workers=1, thread_name_prefix="sitrep-writer")
        self._store: IncidentStore | None = None
        self._pipeline = None

    def submit(self, document: Document) -> Future:
        return self._executor.submit(self._ingest, document)

    def _ingest(self, document: Document) -> dict:
        if self._store is None:
            from ..pipeline import Pipeline

            self._store, self._pipeline = IncidentStore(self.path), Pipeline()
        report = ingest_items([document], store=self._store, pipeline=self._pipeline)
        if report.failures:
            failure = report.failures[0]
            raise InputError(failure.message, source="request body")
        status = "duplicate" if report.duplicates else "copy" if report.copies else "added"
        return {"document": self._store.find_duplicate(document), "status": status,
                "incidents": sorted(report.incidents)}

    def close(self) -> None:
        """Close the store on the thread that opened it, then stop that thread."""
        self._executor.submit(self._close_store).result()
        self._executor.shutdown(wait=True)

    def _close_store(self) -> None:
        if self._store is not None:
            self._store.close()
            self._store = None


class SecurityHeaders:
    """Adds a Content-Security-Policy (scripts, styles and data only from this server) and friends."""

    def __init__(self, app: ASGIApp, *, tiles: str | None = None) -> None:
        self.app = app
        images = "'self' data:" + (f" {tiles_origin(tiles)}" if tiles else "")
        policy = (f"default-src 'self'; img-src {images}; object-src 'none'; base-uri 'none'; "
                  "frame-ancestors 'none'; form-action 'self'")
        self.headers = [(b"content-security-policy", policy.encode()),
                        (b"x-content-type-options", b"nosniff"),
                        (b"referrer-policy", b"no-referrer"),
                        (b"x-frame-options", b"DENY")]

    async def __call__(self, scope: Scope, receive: Receive, send: Send) -> None:
        if scope["type"] != "http":
            await self.app(scope, receive, send)
            return

        async def send_with_headers(message: Message) -> None:
            if message["type"] == "http.response.start":
                message["headers"] = list(message.get("headers", [])) + self.headers
            await send(message)

        await self.app(scope, receive, send_with_headers)


def page(config: ServeConfig) -> str:
    """index.html with the tile template (if any) in a meta tag: no inline script."""
    text = (STATIC / "index.html").read_text(encoding="utf-8")
    return text.replace("__TILES__", html.escape(config.tiles or "", quote=True))


def create_app(config: ServeConfig) -> Starlette:
    """The application over the store at ``config.db`` (StoreError if it cannot be read)."""
    if config.tiles:
        tiles_origin(config.tiles)
    stores = ReadStores(config.db)
    writer = Writer(config.db, token=config.token, max_body=config.max_body) if config.token else None
    index = page(config)

    def home(request: Request) -> HTMLResponse:
        return HTMLResponse(index)

    def no_icon(request: Request) -> Response:
        return Response(status_code=204)

    api = [
        Route("/incidents", routes.list_incidents),
        Route("/incidents.geojson", routes.incidents_geojson),
        Route("/incidents/{id:path}", routes.incident),
        Route("/clusters", routes.clusters),
        Route("/documents", routes.post_document, methods=["POST"]),
        Route("/documents/{id:path}", routes.document),
        Route("/sources", routes.sources),
        Route("/stats/daily", routes.daily),
        Route("/export", routes.export),
        Route("/openapi.json", routes.openapi_json),
    ]
    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette):
        yield
        if writer is not None:
            writer.close()

    app = Starlette(lifespan=lifespan, routes=[Route("/", home), Route("/favicon.ico", no_icon), Mount("/api/v1", routes=api),
                            Mount("/static", StaticFiles(directory=STATIC), name="static")],
                    exception_handlers=HANDLERS)
    app.add_middleware(SecurityHeaders, tiles=config.tiles)
    app.state.stores, app.state.writer = stores, writer
    return app
