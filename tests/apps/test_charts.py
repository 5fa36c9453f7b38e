"""Charts render to SVG that screen readers can name and describe."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import altair as alt
import pytest
from django.template.loader import render_to_string

from partnerscope.apps.common.charts import accessible_svg, chart

SVG = "{http://www.w3.org/2000/svg}"


def bar_chart():
    data = alt.Data(
        values=[{"element": "Style", "score": 62.5}, {"element": "Systems", "score": 40.0}]
    )
    return alt.Chart(data).mark_bar().encode(x="score:Q", y="element:N")


def test_chart_svg_has_title_description_and_role():
    rendered = chart(
        bar_chart(),
        chart_id="scores",
        title="Scores by element",
        description="Style scores 62.5 and Systems 40.",
        headings=["Element", "Score"],
        rows=[["Style", 62.5], ["Systems", 40.0]],
    )
    root = ET.fromstring(rendered.svg)
    assert root.get("role") == "img"
    assert root.get("aria-labelledby") == "scores-title"
    assert root.find(f"{SVG}title").text == "Scores by element"
    assert root.find(f"{SVG}desc").text == "Style scores 62.5 and Systems 40."


def test_chart_template_shows_the_data_table():
    rendered = chart(
        bar_chart(),
        chart_id="c",
        title="T",
        description="D",
        headings=["Element", "Score"],
        rows=[["Style", 62.5]],
    )
    page = render_to_string("common/includes/_chart.html", {"chart": rendered})
    assert "Show the data behind this chart" in page
    assert '<th scope="row" class="govuk-table__header">Style</th>' in page


def test_titles_are_escaped_and_non_svg_is_refused():
    svg = accessible_svg('<svg xmlns="http://www.w3.org/2000/svg"></svg>', "x", "A < B", "D & E")
    assert "A &lt; B" in svg
    assert "D &amp; E" in svg
    with pytest.raises(ValueError):
        accessible_svg("<div></div>", "x", "t", "d")
