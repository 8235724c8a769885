"""steppe's REST API and dashboard: one FastAPI app (`create_app`), served by `steppe serve`."""

from steppe.web.app import create_app

__all__ = ["create_app"]
