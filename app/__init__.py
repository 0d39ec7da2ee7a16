"""BuyHive backend."""
