"""Load the transcript plugin for the whole repository (tests/ and transcripts/)."""

pytest_plugins = ["tests.transcript_plugin"]
