"""The FastAPI app: the REST API under /api, the dashboard pages, the vendored assets.

    uvicorn --factory steppe.web.app:app_from_env     (what `steppe serve` runs)
"""

from __future__ import annotations

from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from importlib.resources import files

import sqlalchemy as sa
from fastapi import FastAPI, Request
from fastapi.exceptions import RequestValidationError
from fastapi.responses import HTMLResponse, JSONResponse
from fastapi.staticfiles import StaticFiles
from starlette.exceptions import HTTPException as StarletteHTTPException
from starlette.middleware.gzip import GZipMiddleware

from steppe.settings import Settings
from steppe.store.engine import Store, open_store
from steppe.store.retry import is_outage
from steppe.web import pages
from steppe.web.routers import ROUTERS
from steppe.web.security import BodyLimit, SecurityHeaders

DESCRIPTION = """Read the events, figures, agreements and projects steppe extracted, and
the analyses built on them (dyadic series, network, changes, commitments).
Every fact carries its `document_id` and `evidence` span: `/api/documents/{id}` has the
text they index. Read-only unless `STEPPE_API_TOKEN` is set."""

# Seconds a client is asked to wait when the database is away (503 responses).
RETRY_AFTER = 5


def create_app(store: Store | None = None, settings: Settings | None = None) -> FastAPI:
    """An app serving `store` (or the store of `settings`, opened and migrated here)."""
    settings = settings or Settings.from_env()
    owned = store is None

    @asynccontextmanager
    async def lifespan(app: FastAPI) -> AsyncIterator[None]:
        yield
        if owned:
            app.state.store.close()

    app = FastAPI(title="steppe", version="0.1.0", description=DESCRIPTION,
                  docs_url=None, redoc_url=None, lifespan=lifespan)
    app.state.settings = settings
    app.state.store = store or open_store(settings.db_url)
    app.state.extractor = None
    app.state.kb = None          # loaded on first use (web.params.get_kb)
    for router in ROUTERS:
        app.include_router(router, prefix="/api")
    app.include_router(pages.router)
    app.mount("/static", StaticFiles(directory=str(files("steppe.web") / "static")),
              name="static")
    app.add_middleware(GZipMiddleware, minimum_size=1024)
    app.add_middleware(SecurityHeaders)
    app.add_middleware(BodyLimit)

    @app.exception_handler(RequestValidationError)
    async def invalid(request: Request, exc: RequestValidationError):
        # One readable line per problem ("query.since: String should match pattern ...").
        problems = [f"{'.'.join(str(p) for p in e['loc'])}: {e['msg']}" for e in exc.errors()]
        if request.url.path.startswith("/api") or request.url.path == "/openapi.json":
            return JSONResponse({"detail": problems}, status_code=422)
        return pages.error_page(request, 422, "; ".join(problems))

    @app.exception_handler(ValueError)
    async def bad_value(request: Request, exc: ValueError):
        # Raised by the analysis and store layers on values they cannot use.
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": [str(exc)]}, status_code=422)
        return pages.error_page(request, 422, str(exc))

    @app.exception_handler(StarletteHTTPException)
    async def http_error(request: Request, exc: StarletteHTTPException):
        if request.url.path.startswith(("/api", "/static")):
            return JSONResponse({"detail": exc.detail}, status_code=exc.status_code,
                                headers=getattr(exc, "headers", None))
        return pages.error_page(request, exc.status_code, str(exc.detail))

    async def database_away(request: Request, exc: Exception):
        # The database is down or restarting: a temporary condition, not a server bug.
        if not is_outage(exc):
            raise exc
        message = "the database is unavailable; try again shortly"
        headers = {"Retry-After": str(RETRY_AFTER)}
        if request.url.path.startswith("/api"):
            return JSONResponse({"detail": message}, status_code=503, headers=headers)
        response = pages.error_page(request, 503, message)
        response.headers.update(headers)
        return response

    for error in (sa.exc.OperationalError, sa.exc.InterfaceError, sa.exc.TimeoutError):
        app.add_exception_handler(error, database_away)

    @app.get("/docs", include_in_schema=False, response_class=HTMLResponse)
    def docs(request: Request):
        return pages.templates.TemplateResponse(request, "docs.html", {})

    return app


def app_from_env() -> FastAPI:
    """The app for the store named by STEPPE_DB (used by `steppe serve`)."""
    return create_app()
