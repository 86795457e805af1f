"""`typeset preflight`: a PDF/X-1a (or X-4) and newsprint checker that reads any PDF with
pikepdf and reports page, object, what and why. It does not depend on our writer."""

from .check import preflight
from .report import Finding, Report
from .standards import STANDARDS, InkRules

__all__ = ["STANDARDS", "Finding", "InkRules", "Report", "preflight"]
