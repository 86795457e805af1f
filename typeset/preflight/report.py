"""What a preflight found: findings (page, object, what and why) and the verdict."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

ERROR = "error"
WARNING = "warning"


@dataclass(frozen=True)
class Finding:
    """One problem. `page` is 1-based (None for the document); `obj` names the object
    ("image /Im1 (obj 26 0)", "font /F3 …", "Info", "OutputIntent"); `count` is how many
    times the same problem occurs on that page in that object."""

    severity: str
    rule: str
    page: int | None
    obj: str
    message: str
    count: int = 1

    def line(self) -> str:
        """The finding as one report line."""
        tag = "FAIL" if self.severity == ERROR else "WARN"
        where = f"page {self.page}" if self.page is not None else "document"
        times = f" ({self.count}×)" if self.count > 1 else ""
        return f"{tag}  {where}  {self.obj}: {self.message}{times}  [{self.rule}]"


@dataclass
class Report:
    """All findings for one file against one standard."""

    path: Path
    standard: str
    findings: list[Finding] = field(default_factory=list)

    @property
    def errors(self) -> list[Finding]:
        """Findings that make the file fail."""
        return [f for f in self.findings if f.severity == ERROR]

    @property
    def warnings(self) -> list[Finding]:
        """Findings worth a look that do not make the file fail."""
        return [f for f in self.findings if f.severity == WARNING]

    @property
    def passed(self) -> bool:
        """True when there is no error."""
        return not self.errors

    def rules_failed(self) -> set[str]:
        """The rule names of the errors."""
        return {f.rule for f in self.errors}

    def text(self, title: str) -> str:
        """The printable report: a title, one line per finding, the verdict last."""
        lines = [title]
        lines += [f.line() for f in self.findings]
        verdict = "PASS" if self.passed else "FAIL"
        lines.append(f"result: {verdict} ({len(self.errors)} errors, "
                     f"{len(self.warnings)} warnings)")
        return "\n".join(lines)


class Collector:
    """Gathers findings, folding repeats of the same rule, page and object into one."""

    def __init__(self) -> None:
        self._items: dict[tuple, Finding] = {}

    def add(self, severity: str, rule: str, page: int | None, obj: str, message: str) -> None:
        """Record a finding (a repeat only increases the first one's count)."""
        key = (severity, rule, page, obj)
        seen = self._items.get(key)
        if seen is None:
            self._items[key] = Finding(severity, rule, page, obj, message)
        else:
            self._items[key] = Finding(severity, rule, page, obj, seen.message, seen.count + 1)

    def error(self, rule: str, page: int | None, obj: str, message: str) -> None:
        """Record an error."""
        self.add(ERROR, rule, page, obj, message)

    def warning(self, rule: str, page: int | None, obj: str, message: str) -> None:
        """Record a warning."""
        self.add(WARNING, rule, page, obj, message)

    def findings(self) -> list[Finding]:
        """Errors first, then by page, in the order found."""
        order = {ERROR: 0, WARNING: 1}
        return sorted(self._items.values(),
                      key=lambda f: (order[f.severity], f.page or 0))
