"""The scrutineer's lines of enquiry: the register's open findings, read through the
findings app's selectors, turned into questions by ``partnerscope.core.scrutiny.questions``."""

from __future__ import annotations

from typing import Any

from partnerscope.apps.findings import selectors as register
from partnerscope.core.scrutiny import LineOfEnquiry, lines_of_enquiry


def themes(partnership: Any) -> list[tuple[str, list[LineOfEnquiry]]]:
    found = [
        {
            "area": row["area"],
            "rule": row["rule"]["id"],
            "subject": row["subject"]["name"],
            "message": row["message"] or row["rule"]["label"],
            "url": row["url"],
        }
        for row in register.open_findings(partnership)
    ]
    grouped: dict[str, list[LineOfEnquiry]] = {}
    for line in lines_of_enquiry(found):
        grouped.setdefault(line.theme, []).append(line)
    return list(grouped.items())
