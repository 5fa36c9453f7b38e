"""Form helpers that give every PartnerScope form the GOV.UK Design System's markup."""

from __future__ import annotations

from typing import Any

from django import forms

WIDGET_CLASSES: dict[type[forms.Widget], str] = {
    forms.Textarea: "govuk-textarea",
    forms.Select: "govuk-select",
    forms.FileInput: "govuk-file-upload",
    forms.DateInput: "govuk-input govuk-input--width-10",
    forms.NumberInput: "govuk-input govuk-input--width-10",
    forms.widgets.Input: "govuk-input",
}
ERROR_CLASSES = {
    "govuk-textarea": "govuk-textarea--error",
    "govuk-select": "govuk-select--error",
    "govuk-file-upload": "govuk-file-upload--error",
    "govuk-input": "govuk-input--error",
}


def widget_class(widget: forms.Widget) -> str | None:
    """The GOV.UK class for a widget, or None for choice widgets rendered by the template."""
    if isinstance(widget, forms.CheckboxSelectMultiple | forms.RadioSelect | forms.CheckboxInput):
        return None
    for widget_type, css in WIDGET_CLASSES.items():
        if isinstance(widget, widget_type):
            return css
    return None


SHORT_TEXT = 12
"""Text fields this short (periods, codes) get an input sized to them, not the full width."""


def field_class(field: forms.Field) -> str | None:
    """The GOV.UK class for a field's widget, narrowed for short text."""
    css = widget_class(field.widget)
    short = isinstance(field, forms.CharField) and 0 < (field.max_length or 0) <= SHORT_TEXT
    if css == "govuk-input" and short:
        return "govuk-input govuk-input--width-10"
    return css


class GovukFormMixin:
    """Adds GOV.UK classes, hint and error descriptions to every field's widget."""

    fields: dict[str, forms.Field]

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        for name, field in self.fields.items():
            css = field_class(field)
            if css:
                field.widget.attrs["class"] = css
            if field.help_text:
                field.widget.attrs["aria-describedby"] = f"id_{name}-hint"
            if isinstance(field.widget, forms.DateInput):
                field.widget.input_type = "date"
                field.widget.format = "%Y-%m-%d"

    def full_clean(self) -> None:
        super().full_clean()  # type: ignore[misc]
        for name in self.errors:  # type: ignore[attr-defined]
            field = self.fields.get(name)
            if field is None:
                continue
            css = field_class(field)
            if css:
                base = css.split()[0]
                field.widget.attrs["class"] = f"{css} {ERROR_CLASSES[base]}"
            described = [f"id_{name}-hint"] if field.help_text else []
            field.widget.attrs["aria-describedby"] = " ".join([*described, f"id_{name}-error"])


class Form(GovukFormMixin, forms.Form):
    """A plain form with GOV.UK markup."""


class ModelForm(GovukFormMixin, forms.ModelForm):
    """A model form with GOV.UK markup."""
