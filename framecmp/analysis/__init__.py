"""Analysis stages: alignment, same event, distinctive terms, frames, voices."""
