# ruff: noqa: E501 - the loops are the templates' markup as it was, line for line
"""The choice-control tags give the markup the survey templates' loops gave, choice by choice.

The loops below are the ones the 7S and relationship-survey pages used before the tags
replaced them (for speed); each tag must render the same elements, attributes and text,
unbound with saved answers as initial values and bound with posted ones.
"""

from __future__ import annotations

import re

import pytest
from django.template import Context, Template

from partnerscope.apps.network.forms import SurveyPageForm
from partnerscope.apps.sevens.forms import ElementForm, element_initial
from partnerscope.reference.sevens import load_instrument

pytestmark = pytest.mark.django_db

LOOPS = {
    "radios": """{% for option in field %}
  {% if option.data.value == "dk" %}<div class="govuk-radios__divider">or</div>{% endif %}
  <div class="govuk-radios__item">
    <input class="govuk-radios__input" id="{{ option.id_for_label }}" name="{{ option.data.name }}" type="radio" value="{{ option.data.value }}"{% if option.data.selected %} checked{% endif %}>
    <label class="govuk-label govuk-radios__label" for="{{ option.id_for_label }}">{{ option.choice_label }}</label>
  </div>
{% endfor %}""",
    "level": """{% for option in field %}
  <div class="govuk-radios__item">
    <input class="govuk-radios__input" id="{% if forloop.first %}{{ field.auto_id }}{% else %}{{ field.auto_id }}-{{ forloop.counter }}{% endif %}" name="{{ option.data.name }}" type="radio" value="{{ option.data.value }}"{% if option.data.selected %} checked{% endif %}>
    <label class="govuk-label govuk-radios__label" for="{% if forloop.first %}{{ field.auto_id }}{% else %}{{ field.auto_id }}-{{ forloop.counter }}{% endif %}">{{ option.choice_label }}</label>
  </div>
{% endfor %}""",
    "checkboxes": """{% for option in field %}
  <div class="govuk-checkboxes__item">
    <input class="govuk-checkboxes__input" id="{{ option.id_for_label }}" name="{{ option.data.name }}" type="checkbox" value="{{ option.data.value }}"{% if option.data.selected %} checked{% endif %}>
    <label class="govuk-label govuk-checkboxes__label" for="{{ option.id_for_label }}">{{ option.choice_label }}</label>
  </div>
{% endfor %}""",
    "select": """{% for value, label in field.field.choices %}<option value="{{ value }}"{% if value == field.value %} selected{% endif %}>{{ label }}</option>{% endfor %}""",
}
TAGS = {
    "radios": '{% radio_items field divider_before="dk" %}',
    "level": "{% radio_items_linked_from_summary field %}",
    "checkboxes": "{% checkbox_items field %}",
    "select": "{% select_options field %}",
}


def tidy(html: str) -> str:
    """The markup without the whitespace between elements, which a browser ignores."""
    return re.sub(r">\s+<", "><", html.strip())


def same_markup(kind: str, field) -> None:
    loop = Template(LOOPS[kind]).render(Context({"field": field}))
    tag = Template("{% load choice_controls %}" + TAGS[kind]).render(Context({"field": field}))
    assert tidy(tag) == tidy(loop)
    assert "<input" in loop or "<option" in loop


@pytest.mark.parametrize("bound", [False, True])
def test_the_7s_answers_render_as_the_loop_did(bound):
    statements = [s for s in load_instrument().statements if s.element == "style"]
    first, second = (f"answer_{s.id.replace('.', '_')}" for s in statements[:2])
    data = {first: "dk", second: "2", "evidence": "<b>seen</b>"} if bound else None
    initial = element_initial(statements, {statements[0].id: 4, statements[1].id: "dk"}, "")
    form = ElementForm(data, initial=initial, statements=statements, element_name="Style")
    for _, field in form.statement_fields():
        same_markup("radios", field)


@pytest.mark.parametrize("bound", [False, True])
def test_the_relationship_questions_render_as_the_loops_did(kite, bound):
    police, council = kite["police"], kite["council"]
    key = f"o{police.pk}"
    data = (
        {
            f"{key}-level": "3",
            f"{key}-frequency": "monthly",
            f"{key}-flows": ["information", "referrals"],
            f"{key}-trust_open": "2",
        }
        if bound
        else None
    )
    initial = {
        f"{key}-level": "2",
        f"{key}-frequency": "weekly",
        f"{key}-flows": ["funding"],
        f"{key}-value_power": "4",
    }
    form = SurveyPageForm(data, initial=initial, organisations=[police], own=council)
    (question,) = form.questions()
    same_markup("level", question.level)
    same_markup("select", question.frequency)
    same_markup("checkboxes", question.flows)
    for field in [*question.trust, *question.value]:
        same_markup("select", field)
