"""Identity: normalise keys (profile URL, email, name) and resolve rows to stable person ids."""
