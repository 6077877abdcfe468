"""Reading inputs: files and folders of text, HTML and JSON records, plus a sidecar manifest."""

from rashomon.ingest.duplicates import drop_duplicates
from rashomon.ingest.read import read_inputs

__all__ = ["drop_duplicates", "read_inputs"]
