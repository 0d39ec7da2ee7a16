"""alice and bob, made fast (without a per-test Argon2 hash)."""

from tests.support.accounts import fast_alice, fast_bob  # noqa: F401 (fixtures)
