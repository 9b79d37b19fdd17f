"""Ingest: parse exports into canonical frames (:mod:`netanalytics.ingest.records`)."""
