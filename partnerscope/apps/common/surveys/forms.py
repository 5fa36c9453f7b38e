"""The reminder schedule's fields on a wave form."""

from __future__ import annotations

from typing import Any

from django import forms

from partnerscope.apps.common.surveys.schedule import parse_days

SCHEDULE_FIELDS = ["reminder_days", "reminder_before_closing"]
SCHEDULE_LABELS = {
    "reminder_days": "Reminders: days after opening",
    "reminder_before_closing": "Reminder: days before closing",
}
SCHEDULE_HELP = {
    "reminder_days": (
        "Whole numbers separated by commas, such as 7, 14. On each of those days after the "
        "wave opens, everyone invited who has not answered is e-mailed a reminder, once. "
        "Leave empty for none."
    ),
    "reminder_before_closing": (
        "Also remind them this many days before the wave closes; 0 means on the last day. "
        "Leave empty for none."
    ),
}


class ReminderDaysField(forms.CharField):
    """Days after opening typed as ``7, 14`` and stored as a sorted list of numbers."""

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        kwargs.pop("encoder", None)
        kwargs.pop("decoder", None)
        kwargs["required"] = False
        super().__init__(*args, **kwargs)
        self.widget.attrs.setdefault("spellcheck", "false")

    def prepare_value(self, value: Any) -> Any:
        if isinstance(value, list):
            return ", ".join(str(day) for day in value)
        return value

    def to_python(self, value: Any) -> list[int]:  # type: ignore[override]
        if isinstance(value, list):
            return value
        try:
            return parse_days(str(value or ""))
        except ValueError as problem:
            raise forms.ValidationError(
                f"Enter days after opening as whole numbers separated by commas, such as "
                f"7, 14: {problem}"
            ) from None

    def has_changed(self, initial: Any, data: Any) -> bool:
        try:
            return bool(self.to_python(data) != (initial or []))
        except forms.ValidationError:
            return True


def check_schedule(form: forms.ModelForm) -> None:  # type: ignore[type-arg]
    """Refuse reminders that would fall outside the wave's dates."""
    data = form.cleaned_data
    opens, closes = data.get("opens"), data.get("closes")
    if not (opens and closes):
        return
    length = (closes - opens).days
    late = [day for day in data.get("reminder_days") or [] if day > length]
    if late:
        form.add_error(
            "reminder_days",
            f"The wave is open for {length} days after its first day, so a reminder "
            f"{late[0]} days after opening would come after it closes.",
        )
    before = data.get("reminder_before_closing")
    if before is not None and before >= length:
        form.add_error(
            "reminder_before_closing",
            f"The wave is open for {length} days after its first day: enter fewer days "
            "before closing.",
        )
