"""Reading inputs: files and folders of text, HTML and JSON records, plus a sidecar manifest."""

from rashomon.ingest.read import read_inputs

__all__ = ["read_inputs"]
