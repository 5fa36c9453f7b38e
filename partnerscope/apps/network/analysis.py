"""A wave's answers as the network core takes them, and the core's analysis of them.

The results pages, the map, the downloads and the data package all start here: load a
wave's organisations and ties once (``wave_network``), then run
``partnerscope.core.network`` with the reader's ``Options`` (``analyse``).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from urllib.parse import urlencode

from partnerscope.apps.network.choices import Level
from partnerscope.apps.network.models import Tie, Wave
from partnerscope.apps.network.services import (
    organisation_tiers,
    partnership_organisations,
    tie_trust,
    tie_value,
)
from partnerscope.apps.partnerships.models import Organisation
from partnerscope.core import network as core


@dataclass(frozen=True)
class Options:
    """How the answers become a network: the lowest level counted, and whether the ties of
    organisations that did not answer are inferred from the other side."""

    min_level: int = core.DEFAULT_MIN_LEVEL
    infer: bool = True

    def core(self) -> core.NetworkOptions:
        return core.NetworkOptions(directed=True, min_level=self.min_level, symmetrise=self.infer)

    def query(self) -> str:
        return urlencode({"min_level": self.min_level, "infer": "yes" if self.infer else "no"})

    @property
    def level_label(self) -> str:
        return Level(self.min_level).label


@dataclass(frozen=True)
class WaveNetwork:
    """A wave's answers as the core takes them, with the records behind each id."""

    wave: Wave
    organisations: dict[str, Organisation]
    members: list[core.Organisation]
    answers: list[core.Tie]
    ties: list[Tie]

    @property
    def responded(self) -> set[str]:
        return {member.id for member in self.members if member.responded}

    def named(self, refs: Sequence[str]) -> list[Organisation]:
        return [self.organisations[ref] for ref in refs]


def wave_network(wave: Wave) -> WaveNetwork:
    """Load a wave: the partnership's organisations (and any other tie end) and every answer."""
    ties = list(Tie.objects.in_wave(wave).order_by("source__name", "target__name", "pk"))
    organisations = {o.ref: o for o in partnership_organisations(wave.partnership)}
    for tie in ties:
        organisations.setdefault(tie.source.ref, tie.source)
        organisations.setdefault(tie.target.ref, tie.target)
    tiers = organisation_tiers(organisations.values())
    answered = {tie.source.ref for tie in ties}
    members = [
        core.Organisation(ref, o.sector, tiers[o.pk], responded=ref in answered)
        for ref, o in organisations.items()
    ]
    answers = [
        core.Tie(
            tie.source.ref,
            tie.target.ref,
            level=tie.level,
            trust=tie_trust(tie),
            value=tie_value(tie),
        )
        for tie in ties
    ]
    return WaveNetwork(wave, organisations, members, answers, ties)


def analyse(network: WaveNetwork, options: Options) -> core.NetworkResult:
    return core.analyse_network(network.members, network.answers, options.core())
