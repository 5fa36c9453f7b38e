"""The static network map stays legible on paper: no label overlaps another label or another
organisation's mark, at 40 organisations (the demo's Northshire survey) and at 150, and every
organisation is either named on the map or numbered in its key.

Label boxes are computed from the SVG the server renders, with a conservative width of
``CHAR_EM`` em per character and ``DIGIT_EM`` per digit (wider than the average character of
the sans-serif fonts the map names) and a height of ``LINE_EM`` em, padded by half the
white halo drawn round each label.
"""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ElementTree
from dataclasses import dataclass

import pytest

from partnerscope.apps.network import network_map
from partnerscope.apps.network.models import Wave
from partnerscope.apps.network.results import Options
from partnerscope.apps.partnerships.choices import Sector
from partnerscope.apps.partnerships.demo.build import build_demo
from tests.apps.network.factories import add_organisation, make_closed_wave, tie

pytestmark = pytest.mark.django_db

SVG = "{http://www.w3.org/2000/svg}"
CHAR_EM = 0.62
DIGIT_EM = 0.7
LINE_EM = 1.25
HALO = 1.5
WORDS = ["Northshire", "Community", "Trust", "Youth", "Action", "Housing", "Health", "Forum"]


@dataclass(frozen=True)
class Box:
    left: float
    top: float
    right: float
    bottom: float
    owner: str

    def overlaps(self, other: Box) -> bool:
        return (
            self.left < other.right
            and other.left < self.right
            and self.top < other.bottom
            and other.top < self.bottom
        )


def text_box(element: ElementTree.Element, owner: str) -> Box:
    """A conservative box round one ``<text>`` (single line, baseline at ``y``)."""
    size = float(element.get("font-size", "11"))
    text = "".join(element.itertext())
    digits = sum(1 for character in text if character.isdigit())
    width = (digits * DIGIT_EM + (len(text) - digits) * CHAR_EM) * size
    x, y = float(element.get("x", "0")), float(element.get("y", "0"))
    anchor = element.get("text-anchor", "start")
    left = x - width / 2 if anchor == "middle" else x - width if anchor == "end" else x
    top = y - 0.95 * size
    bottom = top + LINE_EM * size
    return Box(left - HALO, top - HALO, left + width + HALO, bottom + HALO, owner)


def mark_box(element: ElementTree.Element, owner: str) -> Box:
    """The bounding box of one mark: a circle, a square or a polygon."""
    if element.tag == f"{SVG}circle":
        x, y, r = (float(element.get(name, "0")) for name in ("cx", "cy", "r"))
        return Box(x - r, y - r, x + r, y + r, owner)
    if element.tag == f"{SVG}rect":
        x, y = float(element.get("x", "0")), float(element.get("y", "0"))
        width, height = float(element.get("width", "0")), float(element.get("height", "0"))
        return Box(x, y, x + width, y + height, owner)
    numbers = [float(n) for n in re.split(r"[ ,]+", element.get("points", "").strip())]
    xs, ys = numbers[0::2], numbers[1::2]
    return Box(min(xs), min(ys), max(xs), max(ys), owner)


@dataclass
class Drawing:
    labels: list[Box]
    marks: list[Box]
    texts: list[str]
    key: list[str]
    description: str


def read_svg(svg: str) -> Drawing:
    root = ElementTree.fromstring(svg)
    organisations = next(
        g for g in root.iter(f"{SVG}g") if g.get("class") == "ps-network-map__organisations"
    )
    labels, marks, texts = [], [], []
    for number, group in enumerate(organisations.findall(f"{SVG}g")):
        owner = group.get("data-ref") or f"mark-{number}"
        for element in group:
            if element.tag == f"{SVG}text":
                labels.append(text_box(element, owner))
                texts.append("".join(element.itertext()))
            elif element.tag != f"{SVG}title":
                marks.append(mark_box(element, owner))
    for loose in organisations.findall(f"{SVG}text"):
        box = text_box(loose, "")
        centre = ((box.left + box.right) / 2, (box.top + box.bottom) / 2)
        nearest = min(
            marks,
            key=lambda m: (
                ((m.left + m.right) / 2 - centre[0]) ** 2
                + ((m.top + m.bottom) / 2 - centre[1]) ** 2
            ),
        )
        labels.append(text_box(loose, nearest.owner))
        texts.append("".join(loose.itertext()))
    key = [
        "".join(element.itertext())
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "ps-network-map__key"
        for element in g.iter(f"{SVG}text")
    ]
    key_boxes = [
        text_box(element, "key")
        for g in root.iter(f"{SVG}g")
        if g.get("class") == "ps-network-map__key"
        for element in g.iter(f"{SVG}text")
    ]
    description = "".join(next(root.iter(f"{SVG}desc")).itertext())
    return Drawing(labels + key_boxes, marks, texts, key, description)


def overlaps(drawing: Drawing) -> int:
    """How many pairs of labels overlap, plus how many labels cover another's mark."""
    labels = drawing.labels
    clashes = sum(
        1 for i, first in enumerate(labels) for second in labels[i + 1 :] if first.overlaps(second)
    )
    return clashes + sum(
        1
        for label in labels
        for mark in drawing.marks
        if mark.owner != label.owner and label.overlaps(mark)
    )


def named(drawing: Drawing, name: str) -> bool:
    """On the map by its name (perhaps shortened with an ellipsis) or in the key."""
    shown = [*drawing.texts, *(re.sub(r"^\d+\s+", "", entry) for entry in drawing.key)]
    return any(
        name == text or (text.endswith("…") and name.startswith(text[:-1])) for text in shown
    )


def assert_legible(drawn: network_map.NetworkMap) -> None:
    drawing = read_svg(network_map.draw(drawn))
    assert overlaps(drawing) == 0
    for label in drawing.labels:
        assert label.left >= 0 and label.right <= network_map.WIDTH
    for label in drawing.labels[: len(drawing.texts)]:
        assert label.right <= network_map.MAP_WIDTH, "labels stay off the legend"
    for node in drawn.nodes:
        assert named(drawing, node.name), f"{node.name} is neither labelled nor in the key"
        assert node.name in drawing.description


def test_the_40_organisation_demo_map_has_no_overlapping_labels():
    build_demo(1)
    wave = Wave.objects.get(partnership__slug="northshire", ref="relationships-2025")
    drawn = network_map.network_map(wave, Options())
    assert len(drawn.nodes) >= 40
    assert_legible(drawn)


def crowded_map(kite: dict[str, object], seed: int) -> network_map.NetworkMap:
    """A map of 150 organisations with random names of one to four words and random ties."""
    rng = random.Random(seed)
    wave = make_closed_wave(kite)
    sectors = list(Sector.values)
    made = [kite["council"], kite["police"]]
    for number in range(148):
        words = " ".join(rng.sample(WORDS, rng.randint(1, 4)))
        made.append(add_organisation(kite, f"{words} {number:03d}", rng.choice(sectors)))
    for source in made:
        for target in rng.sample(made, rng.randint(0, 5)):
            if target != source:
                tie(wave, source, target, rng.randint(1, 4))
    drawn = network_map.network_map(wave, Options(min_level=1))
    assert len(drawn.nodes) >= 150
    return drawn


def test_a_150_organisation_map_has_no_overlapping_labels(kite):
    assert_legible(crowded_map(kite, 150))


def json_label_box(node: dict[str, object]) -> Box:
    """A conservative box round the interactive map's label of one node: its text centred on
    the placed point, as Cytoscape draws a label aligned to the centre."""
    label = node["label"]
    assert isinstance(label, dict)
    text, size = str(label["text"]), float(label["font_size"])  # type: ignore[arg-type]
    digits = sum(1 for character in text if character.isdigit())
    width = (digits * DIGIT_EM + (len(text) - digits) * CHAR_EM) * size
    x = float(node["x"]) + float(label["dx"])  # type: ignore[arg-type]
    y = float(node["y"]) + float(label["dy"])  # type: ignore[arg-type]
    half_height = LINE_EM * size / 2
    return Box(
        x - width / 2 - HALO,
        y - half_height - HALO,
        x + width / 2 + HALO,
        y + half_height + HALO,
        str(node["id"]),
    )


def assert_interactive_legible(drawn: network_map.NetworkMap) -> None:
    """The interactive map draws each label where the static map placed it: no clash."""
    data = network_map.map_json(drawn, lambda pk: f"/organisations/{pk}/")
    labels = [json_label_box(node) for node in data["nodes"]]
    marks = [
        Box(
            n["x"] - n["width"] / 2,
            n["y"] - n["height"] / 2,
            n["x"] + n["width"] / 2,
            n["y"] + n["height"] / 2,
            n["id"],
        )
        for n in data["nodes"]
    ]
    assert overlaps(Drawing(labels, marks, [], [], "")) == 0
    numbered = {node["label"]["number"] for node in data["nodes"] if node["label"]["number"]}
    assert numbered == {entry["number"] for entry in data["key"]}
    assert {entry["id"] for entry in data["key"]} <= {node["id"] for node in data["nodes"]}


def test_the_interactive_demo_map_places_its_labels_without_overlaps():
    build_demo(1)
    wave = Wave.objects.get(partnership__slug="northshire", ref="relationships-2025")
    assert_interactive_legible(network_map.network_map(wave, Options()))


def test_the_interactive_150_organisation_map_places_its_labels_without_overlaps(kite):
    assert_interactive_legible(crowded_map(kite, 151))
