"""The 7S instrument: versioned statements, each tagged with its element, layers and example.

A wave may add local statements of its own; they carry ``local=True`` and ids starting
``local.`` so every result can say which statements are not part of the shared instrument.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any, Final

from partnerscope.core.sevens.elements import ELEMENT_IDS, LAYERS, Kind, kind_of

__all__ = [
    "LOCAL_PREFIX",
    "Instrument",
    "Statement",
    "instrument_from_mapping",
    "local_statement",
]

LOCAL_PREFIX: Final = "local."
"""Every local statement's id starts with this, and no instrument statement's id does."""


@dataclass(frozen=True)
class Statement:
    """One statement respondents rate from 1 (strongly disagree) to 5 (strongly agree).

    ``layers`` are the governance layers the statement concerns and ``tests`` names the
    seed example of its element that it tests; both may be empty for a local statement.

    Examples
    --------
    >>> s = Statement("steering.01", "steering", "Partners move money.", ("executive",), "x")
    >>> s.kind
    'hard'
    """

    id: str
    element: str
    text: str
    layers: tuple[str, ...] = ()
    tests: str = ""
    local: bool = False

    def __post_init__(self) -> None:
        if not self.id:
            raise ValueError("a statement needs an id")
        kind_of(self.element)
        if not self.text.strip():
            raise ValueError(f"statement {self.id!r} needs its text")
        unknown = sorted(set(self.layers) - set(LAYERS))
        if unknown:
            raise ValueError(f"statement {self.id!r} has unknown layer(s) {', '.join(unknown)}")
        if self.local != self.id.startswith(LOCAL_PREFIX):
            raise ValueError(
                f"statement {self.id!r}: local statements, and only they, "
                f"have ids starting {LOCAL_PREFIX!r}"
            )

    @property
    def kind(self) -> Kind:
        """The kind of the statement's element: core, soft or hard."""
        return kind_of(self.element)

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form: id, element, kind, text, layers, tests, local."""
        return {
            "id": self.id,
            "element": self.element,
            "kind": self.kind,
            "text": self.text,
            "layers": list(self.layers),
            "tests": self.tests,
            "local": self.local,
        }


def local_statement(
    statement_id: str, element: str, text: str, layers: Sequence[str] = ()
) -> Statement:
    """Make a statement a wave adds locally, e.g. ``local_statement("local.1", "style", ...)``.

    Examples
    --------
    >>> local_statement("local.1", "style", "Meetings start on time.").local
    True
    """
    return Statement(statement_id, element, text, _in_layer_order(layers), "", True)


def _in_layer_order(layers: Iterable[str]) -> tuple[str, ...]:
    chosen = set(layers)
    unknown = sorted(chosen - set(LAYERS))
    if unknown:
        raise ValueError(f"unknown layer(s) {', '.join(unknown)}: expected {', '.join(LAYERS)}")
    return tuple(layer for layer in LAYERS if layer in chosen)


@dataclass(frozen=True)
class Instrument:
    """A version of the statement set, plus any local statements a wave added.

    Examples
    --------
    >>> one = Statement("style.01", "style", "The chair listens.", ("strategic",), "chair")
    >>> kit = Instrument("1", (one,)).with_local([local_statement("local.1", "style", "Hi.")])
    >>> [s.id for s in kit.for_element("style")]
    ['style.01', 'local.1']
    """

    version: str
    statements: tuple[Statement, ...]

    def __post_init__(self) -> None:
        if not self.version:
            raise ValueError("an instrument needs a version")
        seen: set[str] = set()
        for statement in self.statements:
            if statement.id in seen:
                raise ValueError(f"statement id {statement.id!r} appears twice")
            seen.add(statement.id)

    @property
    def ids(self) -> tuple[str, ...]:
        """Every statement id, in instrument order."""
        return tuple(statement.id for statement in self.statements)

    def statement(self, statement_id: str) -> Statement:
        """Return one statement by id; raise ValueError for an unknown id."""
        for statement in self.statements:
            if statement.id == statement_id:
                return statement
        raise ValueError(f"unknown statement id {statement_id!r}")

    def for_element(self, element_id: str) -> tuple[Statement, ...]:
        """The statements, local ones included, that measure one element."""
        return tuple(s for s in self.statements if s.element == element_id)

    def with_local(self, statements: Iterable[Statement]) -> Instrument:
        """Return this instrument with a wave's local statements added after the shared ones."""
        extra = tuple(statements)
        for statement in extra:
            if not statement.local:
                raise ValueError(f"statement {statement.id!r} is not marked local")
        return Instrument(self.version, self.statements + extra)

    def without_local(self) -> Instrument:
        """Return the shared instrument alone, without any local statements."""
        return Instrument(self.version, tuple(s for s in self.statements if not s.local))

    def to_dict(self) -> dict[str, Any]:
        """Return the JSON form: ``{"version": ..., "items": [statement.to_dict(), ...]}``."""
        return {"version": self.version, "items": [s.to_dict() for s in self.statements]}


def instrument_from_mapping(data: Mapping[str, Any]) -> Instrument:
    """Build an instrument from parsed TOML or JSON, checking every field it needs.

    The mapping holds ``version`` and a list ``statements`` of tables with ``id``,
    ``element``, ``kind``, ``text``, ``layers`` and ``tests``. A ``kind`` that does not
    match the element's kind is refused, so a mislabelled statement cannot shift a score.

    Examples
    --------
    >>> data = {"version": "1", "statements": [{"id": "scs.01", "element": "scs",
    ...     "kind": "core", "text": "Goals are shared.", "layers": ["strategic"],
    ...     "tests": "SCS outcomes and goals"}]}
    >>> instrument_from_mapping(data).statements[0].kind
    'core'
    """
    version = data.get("version")
    if not isinstance(version, str | int | float) or isinstance(version, bool) or version == "":
        raise ValueError("the instrument needs a version")
    rows = data.get("statements")
    if not isinstance(rows, list) or not rows:
        raise ValueError("the instrument needs a non-empty list of statements")
    statements = []
    for position, row in enumerate(rows, start=1):
        if not isinstance(row, Mapping):
            raise ValueError(f"statement {position} is not a table")
        where = f"statement {row.get('id', position)!r}"
        for key in ("id", "element", "kind", "text", "tests"):
            if not isinstance(row.get(key), str):
                raise ValueError(f"{where}: {key!r} must be text")
        layers = row.get("layers")
        if not isinstance(layers, list) or not all(isinstance(x, str) for x in layers):
            raise ValueError(f"{where}: 'layers' must be a list of layer names")
        if row["element"] not in ELEMENT_IDS:
            raise ValueError(f"{where}: unknown element {row['element']!r}")
        if row["kind"] != kind_of(row["element"]):
            raise ValueError(
                f"{where}: kind {row['kind']!r} but element {row['element']!r} "
                f"is {kind_of(row['element'])!r}"
            )
        statements.append(
            Statement(
                row["id"],
                row["element"],
                row["text"],
                _in_layer_order(layers),
                row["tests"],
                bool(row.get("local", False)),
            )
        )
    return Instrument(str(version), tuple(statements))
