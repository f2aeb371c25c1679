"""The ``sitrep`` command: thin sub-commands over the library.

Each sub-command lives in its own module exposing ``register(subparsers)``;
library errors (:class:`~sitrep.errors.SitrepError`) become one-line messages
on stderr and a non-zero exit here, at the edge.
"""

from __future__ import annotations

import argparse
import importlib
import sys

from .. import __version__
from ..errors import SitrepError

COMMAND_MODULES = ("extract", "evaluate", "store", "curate", "gazetteer", "serve")

EXIT_INPUT = 2


def build_parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(
        prog="sitrep", description="Structured, sourced event data from news reports about armed violence."
    )
    parser.add_argument("--version", action="version", version=f"%(prog)s {__version__}")
    subparsers = parser.add_subparsers(dest="command", required=True, metavar="COMMAND")
    for name in COMMAND_MODULES:
        module = importlib.import_module(f"{__name__}.{name}")
        module.register(subparsers)
    return parser


def main(argv: list[str] | None = None) -> int:
    parser = build_parser()
    args = parser.parse_args(argv)
    try:
        return int(args.handler(args) or 0)
    except SitrepError as error:
        print(f"sitrep: error: {error.message}", file=sys.stderr)
        return EXIT_INPUT
    except KeyboardInterrupt:
        return 130
    except BrokenPipeError:
        return 0
