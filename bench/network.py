"""Benchmark the network analysis suite: PartnerScope (igraph, numpy) against networkx.

Run from the repository root:

    .venv/bin/python bench/network.py                   # 500, 5,000 and 50,000 organisations
    .venv/bin/python bench/network.py --sizes 500 5000

Each synthetic network is directed and seeded: organisations in eight sectors (one of them
the council) and two tiers, grouped in clusters of about 50 that they mostly work within,
each answering about 12 partners with a level (about 85% at or above the threshold 2, so
about 10 counted ties out of each organisation: mean in- and out-degree 10), trust and
value. PartnerScope runs its whole suite (``analyse_network`` and ``to_dict``). networkx
runs the same measures on the same counted ties with its own functions (Louvain for the
communities; pure Python on networkx adjacency for brokerage, E-I and ratings; networkx's
breadth-first path counting for the council dependency). Above ``--networkx-up-to``
organisations (default 5,000) networkx is skipped: its exact suite would take hours, and
PartnerScope samples 500 sources there anyway.
"""

from __future__ import annotations

import argparse
import itertools
import random
import statistics
import time
from collections.abc import Callable
from typing import Any

import networkx as nx
from networkx.algorithms.centrality.betweenness import _single_source_shortest_path_basic

from partnerscope.core.network import NetworkOptions, Organisation, Tie, analyse_network

SECTORS = (
    "council",
    "health",
    "police",
    "fire",
    "housing",
    "education",
    "business",
    "voluntary_community",
)
ANSWERS_PER_ORGANISATION = 12
CLUSTER_SIZE = 50
INSIDE_CLUSTER = 0.7


def synthetic(size: int, seed: int) -> tuple[list[Organisation], list[Tie]]:
    """A seeded partnership network of ``size`` organisations (see the module docstring)."""
    rng = random.Random(seed)
    organisations = [
        Organisation(
            f"org{v}",
            sector=rng.choice(SECTORS),
            tier="county" if rng.random() < 0.3 else "district",
            responded=rng.random() < 0.9,
        )
        for v in range(size)
    ]
    clusters = max(1, size // CLUSTER_SIZE)
    ties = []
    seen: set[tuple[int, int]] = set()
    for source in range(size):
        cluster = source % clusters
        for _ in range(ANSWERS_PER_ORGANISATION):
            if rng.random() < INSIDE_CLUSTER:
                target = cluster + clusters * rng.randrange(max(1, (size - cluster) // clusters))
            else:
                target = rng.randrange(size)
            if target == source or (source, target) in seen or target >= size:
                continue
            seen.add((source, target))
            level = rng.choice((0, 1, 2, 2, 3, 3, 3, 4, 4, 4, 2, 3, 4))
            ties.append(
                Tie(
                    f"org{source}",
                    f"org{target}",
                    level=level,
                    trust=rng.randint(1, 4),
                    value=rng.randint(1, 4),
                )
            )
    return organisations, ties


def timed(work: Callable[..., Any], *arguments: Any) -> tuple[float, Any]:
    """Wall-clock seconds taken by ``work(*arguments)``, and its result."""
    start = time.perf_counter()
    result = work(*arguments)
    return time.perf_counter() - start, result


def timed_both(work: Callable[..., Any], *arguments: Any) -> tuple[float, float, Any]:
    """Wall-clock and processor seconds (this process, all threads), and the result.

    On a shared machine the processor time is the steadier figure.
    """
    wall, cpu = time.perf_counter(), time.process_time()
    result = work(*arguments)
    return time.perf_counter() - wall, time.process_time() - cpu, result


def partnerscope_suite(organisations: list[Organisation], ties: list[Tie]) -> dict[str, Any]:
    result = analyse_network(organisations, ties, NetworkOptions())
    return result.to_dict()


def _paths(graph: nx.DiGraph) -> tuple[float, int]:
    total = pairs = longest = 0
    for source, lengths in nx.all_pairs_shortest_path_length(graph):
        for target, distance in lengths.items():
            if target != source:
                total += distance
                pairs += 1
                longest = max(longest, distance)
    return total / pairs, longest


def _council_dependency(graph: nx.DiGraph, council: set[str]) -> float:
    rest = graph.subgraph([v for v in graph if v not in council]).copy()
    pairs, through = 0, 0.0
    for source in rest:
        _, _, sigma, dist = _single_source_shortest_path_basic(graph, source)
        _, _, sigma_rest, dist_rest = _single_source_shortest_path_basic(rest, source)
        for target, distance in dist.items():
            if target == source or target in council:
                continue
            avoiding = sigma_rest[target] if dist_rest.get(target) == distance else 0.0
            through += 1.0 - avoiding / sigma[target]
            pairs += 1
    return through / pairs


def _brokerage(graph: nx.DiGraph, sector: dict[str, str]) -> dict[str, list[int]]:
    roles: dict[str, list[int]] = {}
    for broker in graph:
        counts = [0, 0, 0, 0, 0]
        own = sector[broker]
        for a, c in itertools.product(graph.predecessors(broker), graph.successors(broker)):
            if a == c or graph.has_edge(a, c):
                continue
            ga, gc = sector[a], sector[c]
            if ga == own == gc:
                counts[0] += 1
            elif ga == gc:
                counts[3] += 1
            elif gc == own:
                counts[1] += 1
            elif ga == own:
                counts[2] += 1
            else:
                counts[4] += 1
        roles[broker] = counts
    return roles


def networkx_suite(
    organisations: list[Organisation], ties: list[Tie], steps: dict[str, float]
) -> dict[str, Any]:
    """The same measures with networkx, timing each step into ``steps``."""

    def step(name: str, work: Callable[[], Any]) -> Any:
        seconds, value = timed(work)
        steps[name] = seconds
        return value

    def build() -> nx.DiGraph:
        graph = nx.DiGraph()
        graph.add_nodes_from(o.id for o in organisations)
        graph.add_edges_from(
            (t.source, t.target, {"weight": t.weight_or_one})
            for t in ties
            if t.level is None or t.level >= 2
        )
        return graph

    graph = step("build", build)
    sector = {o.id: o.sector or "" for o in organisations}
    tier = {o.id: o.tier or "" for o in organisations}
    council = {o.id for o in organisations if o.sector == "council"}
    out: dict[str, Any] = {}
    out["density"] = step("density", lambda: nx.density(graph))
    out["reciprocity"] = step("reciprocity", lambda: nx.reciprocity(graph))
    out["components"] = step("components", lambda: nx.number_weakly_connected_components(graph))
    out["degree"] = step(
        "degree",
        lambda: (
            nx.in_degree_centrality(graph),
            nx.out_degree_centrality(graph),
            dict(graph.in_degree(weight="weight")),
            dict(graph.out_degree(weight="weight")),
        ),
    )
    out["betweenness"] = step("betweenness", lambda: nx.betweenness_centrality(graph))
    out["closeness"] = step("closeness", lambda: nx.closeness_centrality(graph))
    out["paths"] = step("paths", lambda: _paths(graph))
    out["pagerank"] = step("pagerank", lambda: nx.pagerank(graph))
    out["constraint"] = step("constraint", lambda: nx.constraint(graph, weight="weight"))
    out["cut_points"] = step(
        "cut_points", lambda: set(nx.articulation_points(graph.to_undirected()))
    )

    def communities() -> float:
        projection = graph.to_undirected()
        found = nx.community.louvain_communities(projection, weight="weight", seed=42)
        return float(nx.community.modularity(projection, found, weight="weight"))

    out["modularity"] = step("communities", communities)
    out["brokerage"] = step("brokerage", lambda: _brokerage(graph, sector))
    out["ei"] = step(
        "ei_index",
        lambda: [
            sum(g[a] != g[b] for a, b in graph.edges) - sum(g[a] == g[b] for a, b in graph.edges)
            for g in (sector, tier)
        ],
    )

    def ratings() -> dict[str, float]:
        received: dict[str, list[int]] = {}
        for tie in ties:
            if tie.trust is not None:
                received.setdefault(tie.target, []).append(tie.trust)
        return {o: statistics.fmean(r) for o, r in received.items()}

    out["ratings"] = step("ratings", ratings)
    out["council"] = step("council_dependency", lambda: _council_dependency(graph, council))
    out["removal"] = step(
        "council_removal",
        lambda: nx.number_weakly_connected_components(
            graph.subgraph([v for v in graph if v not in council])
        ),
    )
    return out


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--sizes", type=int, nargs="+", default=[500, 5_000, 50_000])
    parser.add_argument("--networkx-up-to", type=int, default=5_000)
    parser.add_argument("--seed", type=int, default=2009)
    arguments = parser.parse_args()
    rows = []
    for size in arguments.sizes:
        organisations, ties = synthetic(size, arguments.seed)
        seconds, cpu, result = timed_both(partnerscope_suite, organisations, ties)
        network = result["network"]
        sampled = network["betweenness_sampled"]
        print(
            f"{size:>7,} organisations, {network['ties']:,} counted ties "
            f"({len(ties):,} answers): PartnerScope {seconds:.2f} s (processor {cpu:.2f} s)"
            + (f" (paths sampled from {sampled} sources)" if sampled else " (exact)"),
            flush=True,
        )
        reference: float | None = None
        reference_cpu: float | None = None
        if size <= arguments.networkx_up_to:
            steps: dict[str, float] = {}
            reference, reference_cpu, _ = timed_both(networkx_suite, organisations, ties, steps)
            slowest = sorted(steps.items(), key=lambda item: -item[1])[:5]
            detail = ", ".join(f"{name} {value:.1f} s" for name, value in slowest)
            print(
                f"         networkx {reference:.1f} s (processor {reference_cpu:.1f} s; "
                f"slowest: {detail})",
                flush=True,
            )
        rows.append((size, network["ties"], seconds, cpu, reference, reference_cpu, sampled))
    print()
    print(
        "| organisations | counted ties | PartnerScope wall (cpu) s "
        "| networkx wall (cpu) s | ratio wall (cpu) | paths |"
    )
    print("|---:|---:|---:|---:|---:|---|")
    for size, counted, wall, cpu, theirs, theirs_cpu, sampled in rows:
        how = f"{sampled} sampled sources" if sampled else "exact"
        if theirs is None or theirs_cpu is None:
            reference_text, ratio = "skipped", "-"
        else:
            reference_text = f"{theirs:.1f} ({theirs_cpu:.1f})"
            ratio = f"{theirs / wall:.0f}x ({theirs_cpu / cpu:.0f}x)"
        print(
            f"| {size:,} | {counted:,} | {wall:.2f} ({cpu:.2f}) | {reference_text} "
            f"| {ratio} | {how} |"
        )


if __name__ == "__main__":
    main()
