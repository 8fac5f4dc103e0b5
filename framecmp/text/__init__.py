"""Sentences and tokens: the one segmenter and vocabulary every stage uses."""
