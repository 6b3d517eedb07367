"""`audit-extractor members`: add a member (printing its API key once), list, revoke, webhooks.

Runs against the same database and key secret as `serve`: the embedded default in the working
directory, or the `--database-url`/`--store` (or `AUDIT_EXTRACTOR_*` variables) given.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from pipelines.service.cli_options import add_store_options, settings_from_args

if TYPE_CHECKING:
    from sqlalchemy.orm import Session


def configure_parser(parser: argparse.ArgumentParser) -> None:
    add_store_options(parser)
    actions = parser.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="add a member and print its API key (shown once)")
    add.add_argument("name")
    add.add_argument("--webhook", help="URL to POST a signed notice to when a record is ready")
    key = actions.add_parser("key", help="issue another API key for a member (shown once)")
    key.add_argument("name")
    rev = actions.add_parser("revoke", help="revoke a member (all its keys) or one key")
    rev.add_argument("name")
    rev.add_argument("--key", dest="key_prefix", help="revoke only the key with this prefix")
    hook = actions.add_parser("webhook", help="set or clear a member's webhook")
    hook.add_argument("name")
    hook.add_argument("url", nargs="?", help="the URL; omit it to clear the webhook")
    actions.add_parser("list", help="list members, their key prefixes and report counts")


def run(args: argparse.Namespace) -> int:
    from pipelines.service.context import open_service
    from pipelines.service.members import MemberError

    context = open_service(settings_from_args(args))
    try:
        with context.sessions.begin() as session:
            return _run_action(args, session, context.key_secret)
    except MemberError as exc:
        print(f"audit-extractor members: {exc}", file=sys.stderr)
        return 1
    finally:
        context.close()


def _run_action(args: argparse.Namespace, session: Session, secret: bytes) -> int:
    from pipelines.service.members import add_member, issue_key, list_members, revoke, set_webhook

    if args.action == "add":
        api_key = add_member(session, secret, args.name)
        print(f"member {args.name!r} added. API key (shown once, keep it secret):")
        print(api_key)
        if args.webhook:
            _print_webhook_secret(set_webhook(session, args.name, args.webhook))
    elif args.action == "key":
        print(issue_key(session, secret, args.name))
    elif args.action == "revoke":
        count = revoke(session, args.name, args.key_prefix)
        print(f"revoked {count} key(s) of {args.name!r}")
    elif args.action == "webhook":
        _print_webhook_secret(set_webhook(session, args.name, args.url))
    elif args.action == "list":
        for m in list_members(session):
            state = "revoked" if m.revoked else "active"
            keys = ", ".join(m.active_keys) or "-"
            webhook = m.webhook_url or "-"
            print(f"{m.name}\t{state}\treports={m.reports}\tkeys={keys}\twebhook={webhook}")
    return 0


def _print_webhook_secret(secret: str | None) -> None:
    if secret is None:
        print("webhook cleared")
        return
    print("webhook signing secret (shown once; verify the X-Signature header with it):")
    print(secret)
