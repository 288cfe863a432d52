"""factcheck: a source-consistency fact checker (the library is factcheck.api; the CLI is factcheck.cli)."""
