"""Sub-command module (not yet implemented)."""


def register(subparsers) -> None:
    return None
