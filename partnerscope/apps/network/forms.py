"""Forms of the Relationships area: waves, representatives, imports, the survey's pages and
the filters of the analysis pages (GET forms, so every view can be linked to)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from django import forms
from django.http import QueryDict

from partnerscope.apps.common.forms import Form, ModelForm
from partnerscope.apps.common.models import WaveStatus
from partnerscope.apps.common.surveys.forms import (
    SCHEDULE_FIELDS,
    SCHEDULE_HELP,
    SCHEDULE_LABELS,
    ReminderDaysField,
    check_schedule,
)
from partnerscope.apps.network.choices import (
    LEVEL_HINTS,
    RATING_PARTS,
    TRUST_PARTS,
    VALUE_PARTS,
    Flow,
    Frequency,
    Level,
    Rating,
    SizeMeasure,
)
from partnerscope.apps.network.models import Wave
from partnerscope.apps.network.representatives import RepresentativeRow
from partnerscope.apps.network.results import Options
from partnerscope.apps.partnerships.choices import Sector
from partnerscope.apps.partnerships.models import Organisation, Partnership
from partnerscope.core.network import DEFAULT_MIN_LEVEL


class WaveForm(ModelForm):
    class Meta:
        model = Wave
        fields = ["title", "opens", "closes", "previous", *SCHEDULE_FIELDS]
        field_classes = {"reminder_days": ReminderDaysField}
        help_texts = SCHEDULE_HELP
        widgets = {"opens": forms.DateInput, "closes": forms.DateInput}
        labels = {"previous": "Compare with", **SCHEDULE_LABELS}
        error_messages = {
            "title": {"required": "Enter a title for the wave"},
            "opens": {"required": "Enter the first day representatives can answer"},
            "closes": {"required": "Enter the last day representatives can answer"},
        }

    def __init__(self, *args: Any, partnership: Partnership, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        earlier = Wave.objects.in_partnership(partnership)
        if self.instance.pk:
            earlier = earlier.exclude(pk=self.instance.pk)
        self.fields["previous"].queryset = earlier
        self.fields["previous"].empty_label = "No earlier wave"
        self.fields["previous"].help_text = (
            "New and lost ties are measured against this wave, and its representatives are "
            "suggested again."
        )

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        check_schedule(self)
        opens, closes = data.get("opens"), data.get("closes")
        if opens and closes and closes < opens:
            self.add_error("closes", "The closing date must be on or after the opening date.")
        saved = self.instance
        if saved.pk and saved.status == WaveStatus.CLOSED and closes and closes != saved.closes:
            self.add_error(
                "closes", "This wave has closed, so it cannot be reopened. Open a new wave instead."
            )
        return data


class RepresentativesForm(Form):
    """A representative for each organisation: one of its people, or nobody."""

    def __init__(self, *args: Any, rows: Sequence[RepresentativeRow], **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        self.rows = rows
        for row in rows:
            name = self.field_name(row.organisation)
            self.fields[name] = forms.TypedChoiceField(
                label=f"Representative of {row.organisation.name}",
                choices=[("", "Nobody named")] + [(p.pk, p.name) for p in row.people],
                coerce=int,
                empty_value=None,
                required=False,
                disabled=bool(row.representative and row.representative.answered),
                initial=row.representative.person_id if row.representative else "",
            )

    @staticmethod
    def field_name(organisation: Organisation) -> str:
        return f"organisation_{organisation.pk}"

    def row_fields(self) -> list[tuple[RepresentativeRow, forms.BoundField]]:
        return [(row, self[self.field_name(row.organisation)]) for row in self.rows]

    def choices(self) -> dict[int, int | None]:
        return {
            row.organisation.pk: self.cleaned_data.get(self.field_name(row.organisation))
            for row in self.rows
            if not self.fields[self.field_name(row.organisation)].disabled
        }


class TiesImportForm(Form):
    file = forms.FileField(
        label="Ties file (CSV)",
        help_text="One row per answer: from,to,level and, if you have them, frequency, flows, "
        "the six trust and value parts, or trust and value. Organisations are named by "
        "their ids.",
        error_messages={"required": "Choose a CSV file to import"},
    )


LEVEL_CHOICES = [(level.value, f"{level.value}: {level.label}") for level in Level if level > 0]
YES_NO = [("yes", "Yes"), ("no", "No")]


class OptionsForm(Form):
    """The analysis options of every results page, read from the query string."""

    min_level = forms.TypedChoiceField(
        label="Count a tie from level",
        choices=LEVEL_CHOICES,
        coerce=int,
        initial=DEFAULT_MIN_LEVEL,
        required=False,
        help_text="The lowest level of working together that counts as a tie.",
    )
    infer = forms.ChoiceField(
        label="Infer ties of organisations that did not answer",
        choices=YES_NO,
        initial="yes",
        required=False,
        widget=forms.RadioSelect,
        help_text="When an organisation did not answer, take another organisation's answer "
        "about it as its answer too (marked as inferred).",
    )

    def __init__(self, data: Mapping[str, Any] | None = None, **kwargs: Any) -> None:
        values = QueryDict(mutable=True)
        for key, given in (data or {}).items():
            many = data.getlist(key) if isinstance(data, QueryDict) else given  # type: ignore[union-attr]
            values.setlist(key, many if isinstance(many, list | tuple) else [many])
        for name, field in self.base_fields.items():
            if name not in values and field.initial is not None:
                values[name] = field.initial
        super().__init__(values, **kwargs)

    def options(self) -> Options:
        if not self.is_valid():
            return Options()
        level = self.cleaned_data.get("min_level") or DEFAULT_MIN_LEVEL
        return Options(min_level=level, infer=self.cleaned_data.get("infer") != "no")


class SectorFilterMixin(forms.Form):
    sector = forms.MultipleChoiceField(
        label="Sectors shown",
        choices=Sector.choices,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text="Leave all unticked to show every sector.",
    )


class MapForm(OptionsForm, SectorFilterMixin):
    size_by = forms.ChoiceField(
        label="Size of each mark",
        choices=SizeMeasure.choices,
        initial=SizeMeasure.IN_DEGREE,
        required=False,
    )

    def sectors(self) -> list[str]:
        return self.cleaned_data.get("sector", []) if self.is_valid() else []

    def chosen_size(self) -> str:
        chosen = self.cleaned_data.get("size_by") if self.is_valid() else None
        return chosen or SizeMeasure.IN_DEGREE


class MatrixForm(OptionsForm, SectorFilterMixin):
    def sectors(self) -> list[str]:
        return self.cleaned_data.get("sector", []) if self.is_valid() else []


# ---- The survey ----------------------------------------------------------------------------

LEVEL_FIELD_CHOICES = [(str(level.value), level.label) for level in Level]
RATING_CHOICES = [("", "Not answered")] + [(str(r.value), r.label) for r in Rating]


@dataclass(frozen=True)
class OrganisationQuestions:
    """The bound fields of the questions about one organisation, for the template."""

    organisation: Organisation
    level: forms.BoundField
    frequency: forms.BoundField
    flows: forms.BoundField
    trust: list[forms.BoundField]
    value: list[forms.BoundField]

    @property
    def has_details(self) -> bool:
        """Whether any detail is answered or wrong, so the details start open."""
        fields = [self.frequency, self.flows, *self.trust, *self.value]
        return any(f.errors or f.value() not in (None, "", []) for f in fields) or bool(
            self.level.errors
        )

    @property
    def sector_label(self) -> str:
        return Sector(self.organisation.sector).label

    @property
    def rating_groups(self) -> list[tuple[str, list[forms.BoundField]]]:
        return [("How far do you trust", self.trust), ("How much do you value", self.value)]


def prefix_of(organisation: Organisation) -> str:
    return f"o{organisation.pk}"


class SurveyPageForm(Form):
    """The questions about some organisations: how closely, how often, what flows, trust
    and value. Everything may be left blank; details need a level other than "not at all"."""

    def __init__(
        self,
        *args: Any,
        organisations: Sequence[Organisation],
        own: Organisation,
        **kwargs: Any,
    ) -> None:
        super().__init__(*args, **kwargs)
        self.organisations = list(organisations)
        self.own = own
        for organisation in self.organisations:
            key = prefix_of(organisation)
            self.fields[f"{key}-level"] = forms.ChoiceField(
                label=f"How closely does {own.name} work with {organisation.name}?",
                choices=LEVEL_FIELD_CHOICES,
                required=False,
                widget=forms.RadioSelect,
            )
            self.fields[f"{key}-frequency"] = forms.ChoiceField(
                label="How often do you work together?",
                choices=[("", "Not answered"), *Frequency.choices],
                required=False,
            )
            self.fields[f"{key}-flows"] = forms.MultipleChoiceField(
                label="What passes between you?",
                choices=Flow.choices,
                required=False,
                widget=forms.CheckboxSelectMultiple,
            )
            for part, label in TRUST_PARTS + VALUE_PARTS:
                self.fields[f"{key}-{part}"] = forms.ChoiceField(
                    label=label, choices=RATING_CHOICES, required=False
                )

    def questions(self) -> list[OrganisationQuestions]:
        result = []
        for organisation in self.organisations:
            key = prefix_of(organisation)
            result.append(
                OrganisationQuestions(
                    organisation=organisation,
                    level=self[f"{key}-level"],
                    frequency=self[f"{key}-frequency"],
                    flows=self[f"{key}-flows"],
                    trust=[self[f"{key}-{part}"] for part, _ in TRUST_PARTS],
                    value=[self[f"{key}-{part}"] for part, _ in VALUE_PARTS],
                )
            )
        return result

    def clean(self) -> dict[str, Any]:
        data = super().clean()
        for organisation in self.organisations:
            key = prefix_of(organisation)
            level = data.get(f"{key}-level")
            details = [data.get(f"{key}-{name}") for name in ("frequency", "flows", *RATING_PARTS)]
            if any(details) and level in (None, ""):
                self.add_error(
                    f"{key}-level",
                    f"Say how closely you work with {organisation.name}, or clear the other "
                    "answers about it",
                )
            elif any(details) and level == str(Level.NONE.value):
                self.add_error(
                    f"{key}-level",
                    f"You said you do not work with {organisation.name} at all: clear the "
                    "other answers about it, or choose how closely you work together",
                )
        return data

    def answers(self) -> dict[int, dict[str, Any] | None]:
        """Each organisation's answer, None when nothing was given about it."""
        result: dict[int, dict[str, Any] | None] = {}
        for organisation in self.organisations:
            key = prefix_of(organisation)
            level = self.cleaned_data.get(f"{key}-level")
            if level in (None, ""):
                result[organisation.pk] = None
                continue
            result[organisation.pk] = {
                "level": int(level),
                "frequency": self.cleaned_data.get(f"{key}-frequency") or "",
                "flows": self.cleaned_data.get(f"{key}-flows") or [],
                **{part: self.cleaned_data.get(f"{key}-{part}") or None for part in RATING_PARTS},
            }
        return result


def survey_initial(
    organisations: Sequence[Organisation], saved: Mapping[str, Mapping[str, Any]]
) -> dict[str, Any]:
    """The form's starting values from the answers saved so far."""
    initial: dict[str, Any] = {}
    for organisation in organisations:
        answer = saved.get(str(organisation.pk))
        if not answer:
            continue
        key = prefix_of(organisation)
        initial[f"{key}-level"] = str(answer["level"])
        initial[f"{key}-frequency"] = answer.get("frequency", "")
        initial[f"{key}-flows"] = answer.get("flows", [])
        for part in RATING_PARTS:
            if answer.get(part) is not None:
                initial[f"{key}-{part}"] = str(answer[part])
    return initial


class SearchForm(Form):
    q = forms.CharField(
        label="Find an organisation",
        required=False,
        max_length=100,
        help_text="Part of its name, for example 'police' or 'housing'.",
    )


LEVEL_TEXT = [(Level(level).label, hint) for level, hint in LEVEL_HINTS.items()]
"""The levels and what each means, shown above the questions."""
