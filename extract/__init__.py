"""Turn news articles into a source-linked timeline of dated events."""
