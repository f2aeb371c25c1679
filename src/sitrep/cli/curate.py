"""``sitrep merge ID ID`` and ``sitrep split ID DOCUMENT``: correct the store's merges by hand.

Both are kept in the store (``curations``); the reports they move are pinned, so
later ingests respect them, and the incidents' figure history records the change.
"""

from __future__ import annotations

import argparse

from .store import _add_db, _open_existing


def register(subparsers) -> None:
    merge = subparsers.add_parser(
        "merge", help="merge two incidents by hand (the second joins the first)",
        description="Move every report of the second incident into the first; the second id "
                    "then points to the first.")
    merge.add_argument("keep", metavar="ID", help="the incident that stays, e.g. inc-000001")
    merge.add_argument("other", metavar="ID", help="the incident merged into it")
    _add_db(merge)
    merge.set_defaults(handler=run_merge)

    split = subparsers.add_parser(
        "split", help="split a document's reports out of an incident into a new one",
        description="Move one document's reports out of an incident into a new incident.")
    split.add_argument("id", metavar="ID", help="the incident, e.g. inc-000001")
    split.add_argument("document", metavar="DOCUMENT", help="the document key (see `sitrep show ID`)")
    _add_db(split)
    split.set_defaults(handler=run_split)


def run_merge(args: argparse.Namespace) -> int:
    with _open_existing(args.db) as store:
        kept = store.merge(args.keep, args.other)
    print(f"{args.other} merged into {kept}")
    return 0


def run_split(args: argparse.Namespace) -> int:
    with _open_existing(args.db) as store:
        new_id = store.split(args.id, args.document)
    print(f"{args.document} split from {args.id} into {new_id}")
    return 0
