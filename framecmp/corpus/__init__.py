"""The corpus store and what runs over it (event clustering, batch)."""
