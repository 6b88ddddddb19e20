"""HTTP API (FastAPI) and the web page, served by `lagebild serve`."""
