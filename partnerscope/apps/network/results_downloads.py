"""The analysed network as files to download: GraphML, GEXF, node and tie lists, JSON.

The files are written by the data package's network writers (``partnerscope.datapackage``),
so a download and an export agree.
"""

from __future__ import annotations

import json
import tempfile
from dataclasses import dataclass
from pathlib import Path

from django.http import Http404

from partnerscope.apps.network.analysis import Options, analyse, wave_network
from partnerscope.apps.network.models import Wave
from partnerscope.datapackage.network import (
    write_edge_csv,
    write_gexf,
    write_graphml,
    write_node_csv,
)

DOWNLOADS = {
    "graphml": ("network.graphml", "application/graphml+xml", write_graphml),
    "gexf": ("network.gexf", "application/xml", write_gexf),
    "nodes.csv": ("nodes.csv", "text/csv", write_node_csv),
    "edges.csv": ("edges.csv", "text/csv", write_edge_csv),
}
DOWNLOAD_LABELS = [
    ("graphml", "GraphML (Gephi, yEd, igraph)"),
    ("gexf", "GEXF (Gephi)"),
    ("nodes.csv", "Organisations and their measures (CSV)"),
    ("edges.csv", "Ties (CSV)"),
    ("json", "Every measure (JSON)"),
]


@dataclass(frozen=True)
class Download:
    content: bytes
    content_type: str
    filename: str


def download(wave: Wave, options: Options, kind: str) -> Download:
    """One export of the analysed network, written by the data package's writers."""
    prefix = f"{wave.partnership.slug}-{wave.ref}"
    result = analyse(wave_network(wave), options)
    if kind == "json":
        document = {
            "wave": {"id": wave.ref, "title": wave.title, "min_level": options.min_level},
            **result.to_dict(),
        }
        content = json.dumps(document, indent=2, ensure_ascii=False).encode("utf-8")
        return Download(content, "application/json", f"{prefix}-network.json")
    if kind not in DOWNLOADS:
        raise Http404("No such download.")
    name, content_type, writer = DOWNLOADS[kind]
    with tempfile.TemporaryDirectory() as folder:
        path = writer(result, Path(folder) / name)
        content = Path(path).read_bytes()
    return Download(content, content_type, f"{prefix}-{name}")
