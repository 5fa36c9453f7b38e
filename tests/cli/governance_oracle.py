"""An independent count of a data package's governance, in plain code on the CSV files
(csv and collections only), to check `partnerscope governance check` against."""

from __future__ import annotations

import csv
from collections import Counter, defaultdict
from dataclasses import dataclass, field
from pathlib import Path

TABLE_8 = {"strategic": (3, 4), "executive": (6, 12), "operational": (12, 52)}


def read(folder: Path, name: str) -> list[dict[str, str]]:
    with open(folder / f"{name}.csv", newline="", encoding="utf-8") as handle:
        return list(csv.DictReader(handle))


def financial_year(day: str) -> int:
    """1 April to 31 March, named by the calendar year it starts in."""
    year, month = int(day[:4]), int(day[5:7])
    return year if month >= 4 else year - 1


def year_name(year: int) -> str:
    return f"{year}-{str(year + 1)[2:]}"


def seat_held(membership: dict[str, str], day: str) -> bool:
    return (not membership["start"] or membership["start"] <= day) and (
        not membership["end"] or day <= membership["end"]
    )


@dataclass
class Count:
    """What the plain count finds in a package."""

    years: list[int] = field(default_factory=list)
    layer: dict[str, str] = field(default_factory=dict)
    meetings: Counter = field(default_factory=Counter)
    items: Counter = field(default_factory=Counter)
    off_layer: Counter = field(default_factory=Counter)

    def drift(self, body: str, year: int) -> float | None:
        items = self.items[(body, year)]
        return round(self.off_layer[(body, year)] / items, 3) if items else None

    def frequency_findings(self) -> set[tuple[str, str]]:
        found = set()
        for body, layer in self.layer.items():
            least, most = TABLE_8[layer]
            counts = [self.meetings[(body, year)] for year in self.years]
            if any(0 < count < least for count in counts):
                found.add(("frequency_below_table8", body))
            if any(count > most for count in counts):
                found.add(("frequency_above_table8", body))
        return found

    def drift_findings(self) -> set[tuple[str, str]]:
        return {
            ("agenda_drift", body)
            for body in self.layer
            for year in self.years
            if self.items[(body, year)] >= 4
            and self.off_layer[(body, year)] * 3 > self.items[(body, year)]
        }


def count(folder: Path) -> Count:
    """Meetings per body and financial year, and agenda items in another layer."""
    result = Count()
    result.layer = {row["id"]: row["layer"] for row in read(folder, "bodies")}
    meetings = read(folder, "meetings")
    dates = sorted(row["date"] for row in meetings)
    for year in range(financial_year(dates[0]), financial_year(dates[-1]) + 1):
        opening = any(f"{year}-04-01" <= day <= f"{year}-06-30" for day in dates)
        closing = any(f"{year + 1}-01-01" <= day <= f"{year + 1}-03-31" for day in dates)
        if opening and closing:
            result.years.append(year)
    where = {row["id"]: (row["body"], financial_year(row["date"])) for row in meetings}
    result.meetings = Counter(where.values())
    for item in read(folder, "agenda_items"):
        body, year = where[item["meeting"]]
        result.items[(body, year)] += 1
        result.off_layer[(body, year)] += item["layer"] != result.layer[body]
    return result


def representation(folder: Path) -> dict[tuple[str, str, int], tuple[int, int]]:
    """(organisation, body, year) -> (meetings with a seat, meetings with someone present)."""
    organisation_of = {row["id"]: row["organisation"] for row in read(folder, "people")}
    seats = defaultdict(list)
    for row in read(folder, "memberships"):
        seats[row["body"]].append(row)
    present = defaultdict(set)
    for row in read(folder, "attendance"):
        if row["status"] == "present":
            present[row["meeting"]].add(organisation_of[row["person"]])
    counts: dict[tuple[str, str, int], list[int]] = defaultdict(lambda: [0, 0])
    for meeting in read(folder, "meetings"):
        seated = {
            organisation_of[m["person"]]
            for m in seats[meeting["body"]]
            if seat_held(m, meeting["date"])
        }
        for organisation in seated:
            key = (organisation, meeting["body"], financial_year(meeting["date"]))
            counts[key][0] += 1
            counts[key][1] += organisation in present[meeting["id"]]
    return {key: (seated, came) for key, (seated, came) in counts.items()}
