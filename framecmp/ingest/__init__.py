"""Reading inputs: decode, extract article text and metadata, clean capture noise."""
