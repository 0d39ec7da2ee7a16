"""The two CPU models of the extraction pipeline: URL classifier and CLIP image verifier (lazy, thread-safe)."""
