"""Which 'clause' codes of a report's findings are the findings' own numbers.

A finding's ID ('NC 3', 'Ref' | '2', 'HSE.11: Noncompliance') often prints a number where a
clause would be. Read finding by finding it looks like a clause; across the report it counts:
1, 2, 3, ... in step with the findings, or on from section to section (1.3, 1.4, 2.5), or it
equals the number of the finding's own ID. These functions take each finding's first-read code
(and what else is known about it) and return the positions whose code is such a number; the
grouping then reads those findings' clauses again without it.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

from extractor.audit.clauses import refines

# Findings numbered N.1, N.2, N.3 in a row (at least this many) are numbered paragraphs.
MIN_PARAGRAPH_RUN = 3
# How far a running number may stray from the finding's position in the report.
MAX_COUNT_SLIP = 2
# Bare numbers running from 1 this long with no clause cell naming them count findings.
MIN_COUNT_FROM_ONE = 5
# ... or this many when no other finding of the report prints a bare number.
MIN_WHOLE_COUNT = 4
# Findings whose bare-number 'clause' equals their own ID's number, at least this many in a
# report, print their number twice.
MIN_OWN_NUMBERS = 2
# A finding number: a count, alone or after its section ('7', '2.5', 'A1.3', 'H/A.10').
RUNNING = re.compile(
    r"(?:([A-Z]{0,3}\d{1,2}[A-C]?|\d\.[AB]|[A-Z]{1,3}(?:/[A-Z]{1,3})?)\.)?(\d{1,3})"
)


def runs(length: int, follows: Callable[[int], bool]) -> list[range]:
    """The maximal runs of positions 0..length-1 in which each position `k + 1` follows `k`
    (`follows(k)`), single positions included."""
    found, start = [], 0
    for k in range(length):
        if k + 1 == length or not follows(k):
            found.append(range(start, k + 1))
            start = k + 1
    return found


def running_numbers(
    codes: Sequence[str | None], under: Sequence[str | None], named: Sequence[bool]
) -> set[int]:
    """Positions of findings whose 'clause' is the report's running number of its findings.

    A clause scheme restarts its provisions under each section, so a number that goes on
    counting one by one from finding to finding while the section changes (1.3, 1.4, 2.5,
    2.6; A1.2, A3.3) is a finding number, and so is a bare count (3, 4, 5) that disagrees with
    the section heading a finding is printed under (`under`). Needs `MIN_PARAGRAPH_RUN`
    findings in a row, counted from about the finding's position in the report.
    """
    parsed = [RUNNING.fullmatch(code or "") for code in codes]

    def counts_on(k: int) -> bool:
        a, b = parsed[k], parsed[k + 1]
        return (
            a is not None
            and b is not None
            and bool(a.group(1)) == bool(b.group(1))
            and int(b.group(2)) == int(a.group(2)) + 1
        )

    running: set[int] = set()
    for run in runs(len(codes), counts_on):
        first = parsed[run.start]
        # A running number counts the report's findings: it is about the finding's position
        # (a finding or two the reader missed or added aside).
        if (
            len(run) < MIN_PARAGRAPH_RUN
            or first is None
            or abs(int(first.group(2)) - (run.start + 1)) > MAX_COUNT_SLIP
        ):
            continue
        if first.group(1) is not None:
            # Three provisions can follow one another by chance (3.3, 3.4, 5.5); a count
            # that starts at 1 or runs on longer cannot.
            heads = {parsed[i].group(1) for i in run}  # type: ignore[union-attr]
            counting = len(heads) > 1 and (int(first.group(2)) == 1 or len(run) > MIN_PARAGRAPH_RUN)
        else:
            counting = any(
                under[i] is not None
                and under[i] != codes[i]
                and not refines(codes[i] or "", under[i] or "")
                for i in run
            ) or (
                # 1, 2, 3, 4, 5 from the report's first finding on, no cell naming them
                # clauses: the findings' own numbers, for a report's clauses are not all
                # broken, nor in order.
                int(first.group(2)) == 1
                and len(run) >= MIN_COUNT_FROM_ONE
                and not any(named[i] for i in run)
            )
        if counting:
            running.update(run)
            running.update(_count_goes_on(parsed, run))
    return running


def _count_goes_on(parsed: Sequence[re.Match[str] | None], run: range) -> set[int]:
    """Positions after a run of finding numbers where the count goes on past a finding the
    reader merged into another or a cell holding the real clause ('8.5', '10B.7', 'ETI
    10A.4', '0.B.9'): each number at most one more than the findings since the last one."""
    first = parsed[run.start]
    if first is None:
        return set()
    sectioned = first.group(1) is not None  # '2.5' goes on as '3.6', a bare '5' as '6'
    last_at = run.stop - 1
    last = int(parsed[last_at].group(2))  # type: ignore[union-attr]
    more: set[int] = set()
    for k in range(run.stop, len(parsed)):
        found = parsed[k]
        if found is None:
            if k - last_at > 1:
                break  # two findings in a row without a number: the count has stopped
            continue
        step = int(found.group(2)) - last
        if not 0 < step <= k - last_at + 1 or (found.group(1) is not None) != sectioned:
            break
        more.add(k)
        last_at, last = k, int(found.group(2))
    return more


def own_numbers(
    codes: Sequence[str | None], ids: Sequence[frozenset[str]], clause_printed: Sequence[bool]
) -> set[int]:
    """Positions of findings whose bare-number 'clause' is the number of their own ID
    ('Non-conformance 2' | 'Ref' | '2'), when at least `MIN_OWN_NUMBERS` findings of the
    report print one: a clause scheme's provisions match finding numbers only by chance
    (findings listed in clause order, one per clause, print both: 'NC 6' | 'Element 6')."""
    same = {
        k
        for k, code in enumerate(codes)
        if code and code.isdigit() and code in ids[k] and not clause_printed[k]
    }
    return same if len(same) >= MIN_OWN_NUMBERS else set()


def counted_from_one(codes: Sequence[str | None], named: Sequence[bool]) -> set[int]:
    """Positions of findings numbered 1, 2, 3, 4, -, 6, 7 in the order they are printed, the
    odd number lost by the reader (`running_numbers` needs them unbroken), however many
    summary rows were read as findings before them: at least `MIN_COUNT_FROM_ONE` numbers
    counting from one in step with the findings, no cell naming them clauses."""
    offsets: dict[int, set[int]] = {}
    for k, code in enumerate(codes):
        if code and code.isdigit() and not named[k]:
            offsets.setdefault(int(code) - k, set()).add(k)
    best: set[int] = set()
    for placed in offsets.values():
        first = min(placed)
        if int(codes[first] or 0) > 1 + MAX_COUNT_SLIP:
            continue  # a count starts at one
        # Another number among them breaks the count: it is a scheme's, not a count's.
        inside = range(first, max(placed) + 1)
        others = [k for k in inside if k not in placed and (codes[k] or "").isdigit()]
        # Fewer will do when they are all the bare numbers the report's findings print.
        numbered = sum(1 for code in codes if (code or "").isdigit())
        enough = len(placed) >= MIN_COUNT_FROM_ONE or (
            len(placed) >= MIN_WHOLE_COUNT and len(placed) == numbered
        )
        if enough and not others and len(placed) > len(best):
            best = placed
    return best
