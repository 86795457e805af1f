"""The end of a batch in figures: how many issues went which way, the wall time, and the
slowest issues."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from .manifest import DONE, FAILED, OVERSET, SKIPPED, Record

SLOWEST = 3


@dataclass(frozen=True)
class Summary:
    """A batch's outcome: counts per status, wall time, the failed, overset and slowest
    records."""

    done: int
    failed: int
    overset: int
    skipped: int
    seconds: float
    failures: list[Record]
    oversets: list[Record]
    slowest: list[Record]

    def lines(self) -> list[str]:
        """The summary as text lines, for the command to print."""
        lines = [f"batch: {self.done} done, {self.failed} failed, {self.overset} overset, "
                 f"{self.skipped} skipped in {self.seconds:.1f} s"]
        if self.slowest:
            lines.append("slowest: " + ", ".join(f"{r.name} {r.seconds:.2f} s"
                                                 for r in self.slowest))
        lines.extend(f"overset: {r.name}: {len(r.overset)} frame(s) ran over, first "
                     f"{r.overset[0]}" for r in self.oversets)
        lines.extend(f"failed: {r.name}: {r.error}" for r in self.failures)
        return lines


def summarize(records: Sequence[Record], seconds: float) -> Summary:
    """The summary of a run's records; `seconds` its wall time."""
    def count(status: str) -> int:
        return sum(r.status == status for r in records)

    built = [r for r in records if r.status != SKIPPED]
    return Summary(done=count(DONE), failed=count(FAILED), overset=count(OVERSET),
                   skipped=count(SKIPPED), seconds=seconds,
                   failures=[r for r in records if r.status == FAILED],
                   oversets=[r for r in records if r.status == OVERSET],
                   slowest=sorted(built, key=lambda r: -r.seconds)[:SLOWEST])
