"""Property-based check of the read endpoints against the app's own OpenAPI document."""

from __future__ import annotations

import tempfile
from pathlib import Path

import schemathesis
from hypothesis import HealthCheck, settings

from lagebild.api.app import create_app
from lagebild.store.database import open_database

from ..store.sample import store_samples


def _app():  # type: ignore[no-untyped-def]
    path = str(Path(tempfile.mkdtemp(prefix="lagebild-st-")) / "st.db")
    store_samples(open_database(path), 3)

    def no_pipeline():  # type: ignore[no-untyped-def]
        raise AssertionError("the schema test must not load the pipeline")

    return create_app(path, nlp_loader=no_pipeline)


schema = schemathesis.openapi.from_asgi("/openapi.json", _app()).include(
    method="GET", path_regex=r"^/api/"
)


@schema.parametrize()
@settings(max_examples=8, deadline=None, suppress_health_check=list(HealthCheck))
def test_openapi_read_endpoints_conform(case) -> None:  # type: ignore[no-untyped-def]
    case.call_and_validate()
