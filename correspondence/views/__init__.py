"""Pages of the correspondence app, split by sub-domain."""
