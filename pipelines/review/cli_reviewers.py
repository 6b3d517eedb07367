"""`audit-extractor reviewers`: add reviewer accounts (reviewer or admin), list, disable, passwords.

Runs against the same database as `serve` (the embedded default in the working directory, or
`--database-url`). Passwords are typed twice at a prompt, or read from standard input with
`--password-stdin` for scripts; they never appear on the command line, where `ps` would show them.
"""

from __future__ import annotations

import argparse
import getpass
import sys

from pipelines.service.cli_options import add_store_options, settings_from_args


def configure_parser(parser: argparse.ArgumentParser) -> None:
    add_store_options(parser)
    actions = parser.add_subparsers(dest="action", required=True)
    add = actions.add_parser("add", help="add a reviewer account")
    add.add_argument("name")
    add.add_argument("--admin", action="store_true", help="may resolve disagreements")
    add.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    pw = actions.add_parser("password", help="set a reviewer's password (ends their sessions)")
    pw.add_argument("name")
    pw.add_argument("--password-stdin", action="store_true", help="read the password from stdin")
    off = actions.add_parser("disable", help="stop a reviewer from logging in")
    off.add_argument("name")
    actions.add_parser("list", help="list reviewers and their roles")


def read_password(from_stdin: bool) -> str:
    if from_stdin:
        return sys.stdin.readline().rstrip("\r\n")
    first = getpass.getpass("password: ")
    if getpass.getpass("password again: ") != first:
        raise ValueError("the two passwords differ")
    return first


def run(args: argparse.Namespace) -> int:
    from pipelines.review.accounts import (
        AccountError,
        add_reviewer,
        disable_reviewer,
        list_reviewers,
        set_password,
    )
    from pipelines.review.tables import ROLE_ADMIN, ROLE_REVIEWER
    from pipelines.service.context import open_service

    context = open_service(settings_from_args(args))
    try:
        with context.sessions.begin() as session:
            if args.action == "add":
                role = ROLE_ADMIN if args.admin else ROLE_REVIEWER
                add_reviewer(session, args.name, read_password(args.password_stdin), role=role)
                print(f"reviewer {args.name!r} added ({role}); log in at /review/login")
            elif args.action == "password":
                set_password(session, args.name, read_password(args.password_stdin))
                print(f"password of {args.name!r} changed; their sessions were ended")
            elif args.action == "disable":
                disable_reviewer(session, args.name)
                print(f"reviewer {args.name!r} disabled")
            else:
                for reviewer in list_reviewers(session):
                    state = "disabled" if reviewer.disabled_at else "active"
                    print(f"{reviewer.name}\t{reviewer.role}\t{state}")
    except (AccountError, ValueError) as exc:
        print(f"audit-extractor reviewers: {exc}", file=sys.stderr)
        return 1
    finally:
        context.close()
    return 0
