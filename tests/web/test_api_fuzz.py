"""Generated requests against /openapi.json (schemathesis): no 5xx, whatever the input."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, settings

schemathesis = pytest.importorskip("schemathesis")

import sqlalchemy as sa  # noqa: E402

from steppe.store import open_store  # noqa: E402
from steppe.web.app import create_app  # noqa: E402



def _make_app():
    from web_corpus import fill

    # One in-memory database shared by the threads the test client runs the app in.
    store = open_store("sqlite://", poolclass=sa.pool.StaticPool,
                       connect_args={"check_same_thread": False})
    return create_app(fill(store))


schema = schemathesis.openapi.from_asgi("/openapi.json", _make_app())


@schema.parametrize()
@settings(max_examples=25, deadline=None, suppress_health_check=list(HealthCheck))
def test_no_server_errors(case):
    response = case.call()
    assert response.status_code < 500, f"{case.method} {case.formatted_path} {case.query}: {response.text[:300]}"
