"""``sitrep serve``: the map, the timeline and the JSON API over a store, on uvicorn."""

from __future__ import annotations

import argparse
import os
import sys
from pathlib import Path

from ..errors import StoreError
from ..store import DEFAULT_PATH

TOKEN_VARIABLE = "SITREP_API_TOKEN"


def register(subparsers) -> None:
    parser = subparsers.add_parser(
        "serve", help="serve the map, the timeline and the JSON API over the store",
        description="Serve a browser page (map, timeline, incidents, documents) and the JSON API "
                    "under /api/v1 over a store made by `sitrep ingest`. Reads only, unless a "
                    "token is given.")
    parser.add_argument("--db", default=DEFAULT_PATH, metavar="FILE",
                        help=f"the SQLite store (default: {DEFAULT_PATH})")
    parser.add_argument("--host", default="127.0.0.1", help="address to bind (default: loopback)")
    parser.add_argument("--port", type=int, default=8000, help="port (default: 8000)")
    parser.add_argument("--tiles", metavar="URL",
                        help="a tile server to draw under the country outlines, e.g. "
                             "https://tiles.example.org/{z}/{x}/{y}.png")
    parser.add_argument("--token", default=os.environ.get(TOKEN_VARIABLE) or None,
                        help=f"allow POST /api/v1/documents with this bearer token "
                             f"(default: ${TOKEN_VARIABLE}; none: read only)")
    parser.set_defaults(handler=run_serve)


def run_serve(args: argparse.Namespace) -> int:
    import uvicorn

    from ..serve import ServeConfig, create_app

    if not Path(args.db).is_file():
        raise StoreError("no such database; run `sitrep ingest` first", source=args.db)
    if not os.access(args.db, os.R_OK):
        raise StoreError("cannot read the database (permission denied)", source=args.db)
    app = create_app(ServeConfig(db=args.db, token=args.token, tiles=args.tiles))
    host = f"[{args.host}]" if ":" in args.host else args.host
    mode = "reads and token-protected writes" if args.token else "read only"
    print(f"sitrep: serving {args.db} ({mode}) at http://{host}:{args.port}/  (Ctrl-C to stop)",
          file=sys.stderr, flush=True)
    uvicorn.run(app, host=args.host, port=args.port, log_level="warning", access_log=False)
    return 0
