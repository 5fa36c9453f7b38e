"""How often each body meets, against the study's Table 8."""

from __future__ import annotations

from partnerscope.core.findings import EvidenceValue, Finding, Severity, SubjectKind
from partnerscope.core.layers.facts import LayerFacts
from partnerscope.core.layers.rules.base import Rule

__all__ = ["FrequencyAboveTable8", "FrequencyBelowTable8", "meetings_in"]


def meetings_in(facts: LayerFacts, body: str, year: int) -> int:
    """How many meetings ``body`` held in ``year``."""
    found = facts.body_years.get((body, year))
    return found.meetings if found else 0


class _Frequency(Rule):
    too_few: bool

    def findings(self, facts: LayerFacts) -> tuple[Finding, ...]:
        results = []
        for body in facts.governance.bodies:
            least, most = facts.settings.frequency[body.layer]
            counts = [(year, meetings_in(facts, body.ref, year)) for year in facts.years]
            wrong = [
                (year, count)
                for year, count in counts
                if (0 < count < least if self.too_few else count > most)
            ]
            if not wrong:
                continue
            figures: list[tuple[str, EvidenceValue]] = [
                ("layer", body.layer),
                ("least a year", least),
                ("most a year", most),
            ]
            figures += [(f"meetings {facts.year_label(year)}", count) for year, count in wrong]
            held = ", ".join(
                f"{count} {'time' if count == 1 else 'times'} in {facts.year_label(year)}"
                for year, count in wrong
            )
            bound = f"at least {least}" if self.too_few else f"at most {most}"
            results.append(
                self.found(
                    SubjectKind.BODY,
                    body.ref,
                    body.name,
                    f"{body.name} ({body.layer}) met {held}; Table 8 expects {bound} a year.",
                    figures,
                    ", ".join(facts.year_label(year) for year, _ in wrong),
                )
            )
        return tuple(results)


class FrequencyBelowTable8(_Frequency):
    """A body meets less often in a year than the study's Table 8 expects of its layer:
    at least 3 times for the strategic layer, 6 for the executive and 12 for the operational
    (setting ``frequency``). A year with no meeting at all is left to the rule on bodies that
    did not meet.
    """

    id = "frequency_below_table8"
    label = "Meets less often than Table 8"
    too_few = True


class FrequencyAboveTable8(_Frequency):
    """A body meets more often in a year than the study's Table 8 expects of its layer: at
    most 4 times for the strategic layer, 12 for the executive and 52 for the operational
    (setting ``frequency``); a strategic body meeting monthly is likely managing, not steering.
    """

    id = "frequency_above_table8"
    label = "Meets more often than Table 8"
    severity = Severity.LOW
    too_few = False
