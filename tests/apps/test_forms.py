"""The GOV.UK markup every form gets: classes, widths, hints and errors."""

from __future__ import annotations

from django import forms

from partnerscope.apps.common.forms import Form


class Sample(Form):
    period = forms.CharField(max_length=10, help_text="Like 2024-Q1.")
    title = forms.CharField(max_length=200)
    amount = forms.FloatField()
    kind = forms.ChoiceField(choices=[("a", "A")])


def classes(form, name):
    return form.fields[name].widget.attrs["class"].split()


def test_short_text_and_numbers_get_narrow_inputs_and_long_text_the_full_width():
    form = Sample()
    assert classes(form, "period") == ["govuk-input", "govuk-input--width-10"]
    assert classes(form, "amount") == ["govuk-input", "govuk-input--width-10"]
    assert classes(form, "title") == ["govuk-input"]
    assert classes(form, "kind") == ["govuk-select"]
    assert form.fields["period"].widget.attrs["aria-describedby"] == "id_period-hint"


def test_a_field_in_error_keeps_its_width_and_points_to_its_message():
    form = Sample({"period": "", "title": "x", "amount": "lots", "kind": "a"})
    assert not form.is_valid()
    assert classes(form, "period") == [
        "govuk-input",
        "govuk-input--width-10",
        "govuk-input--error",
    ]
    assert form.fields["period"].widget.attrs["aria-describedby"] == (
        "id_period-hint id_period-error"
    )
    assert "govuk-input--error" in classes(form, "amount")
    assert "govuk-input--error" not in classes(form, "title")
