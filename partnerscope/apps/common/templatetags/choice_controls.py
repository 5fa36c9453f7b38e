"""The GOV.UK radios, checkboxes and select options of a choice field, written in Python.

A survey page repeats these controls for every statement (the 7S survey: six answers to
each of up to ten statements) or every organisation (the relationship survey: about fifty
controls for each of twelve organisations). Written as template loops they took most of a
page's time, since the template language resolves each ``option.data.value`` afresh; these
tags give the same markup from Django's own options (``BoundField.subwidgets``: the same
ids, names, values, labels and choices checked) in a fraction of it.
"""

from __future__ import annotations

import html
from typing import Any

from django import template
from django.forms import BoundField
from django.utils.html import format_html
from django.utils.safestring import SafeString, mark_safe

register = template.Library()

CHECKED = mark_safe(" checked")
SELECTED = mark_safe(" selected")
RADIO = (
    '<div class="govuk-radios__item">\n'
    '<input class="govuk-radios__input" id="{}" name="{}" type="radio" value="{}"{}>\n'
    '<label class="govuk-label govuk-radios__label" for="{}">{}</label>\n'
    "</div>"
)
CHECKBOX = (
    '<div class="govuk-checkboxes__item">\n'
    '<input class="govuk-checkboxes__input" id="{}" name="{}" type="checkbox" value="{}"{}>\n'
    '<label class="govuk-label govuk-checkboxes__label" for="{}">{}</label>\n'
    "</div>"
)
DIVIDER = mark_safe('<div class="govuk-radios__divider">or</div>')


def _item(markup: str, option_id: str, option: Any) -> SafeString:
    data = option.data
    return format_html(
        markup,
        option_id,
        data["name"],
        data["value"],
        CHECKED if data["selected"] else "",
        option_id,
        option.choice_label,
    )


@register.simple_tag
def radio_items(field: BoundField, divider_before: str = "") -> SafeString:
    """A radio item for each choice of ``field``, ids ``<id>_0``, ``<id>_1``, …; the "or"
    divider comes before the choice whose value is ``divider_before``, if given."""
    items: list[SafeString] = []
    for option in field:
        if divider_before and option.data["value"] == divider_before:
            items.append(DIVIDER)
        items.append(_item(RADIO, option.id_for_label, option))
    return mark_safe("\n".join(items))


@register.simple_tag
def radio_items_linked_from_summary(field: BoundField) -> SafeString:
    """Radio items whose first id is the field's own (``<id>``, then ``<id>-2``, …), so the
    error summary's link to the field lands on its first choice, as GOV.UK does."""
    items = [
        _item(RADIO, field.auto_id if number == 1 else f"{field.auto_id}-{number}", option)
        for number, option in enumerate(field, start=1)
    ]
    return mark_safe("\n".join(items))


@register.simple_tag
def checkbox_items(field: BoundField) -> SafeString:
    """A checkbox item for each choice of ``field``, ids ``<id>_0``, ``<id>_1``, …"""
    return mark_safe("\n".join(_item(CHECKBOX, option.id_for_label, option) for option in field))


def _escaped(text: Any) -> str:
    """``conditional_escape(text)``, without its lazy-string wrapper (called per option)."""
    return str(text.__html__()) if hasattr(text, "__html__") else html.escape(str(text))


@register.simple_tag
def select_options(field: BoundField) -> SafeString:
    """The ``<option>`` of each choice, the one equal to the field's value selected."""
    current = field.value()
    return mark_safe(
        "".join(
            f'<option value="{_escaped(value)}"{SELECTED if value == current else ""}>'
            f"{_escaped(label)}</option>"
            for value, label in field.field.choices
        )
    )
