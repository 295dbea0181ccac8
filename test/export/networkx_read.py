"""Reads an armsgraph export with networkx and prints it as JSON, for test/export/networkx.test.ts.

Usage: python3 networkx_read.py graphml|gexf FILE
Needs networkx (pip install networkx). Every attribute is printed as [value, python type name].
"""
import json
import sys

import networkx as nx


def typed(attributes):
    return {k: [v, type(v).__name__] for k, v in sorted(attributes.items())}


def main():
    fmt, path = sys.argv[1], sys.argv[2]
    graph = nx.read_graphml(path) if fmt == "graphml" else nx.read_gexf(path)
    print(json.dumps({
        "networkx": nx.__version__,
        "class": type(graph).__name__,
        "multigraph": graph.is_multigraph(),
        "directed": graph.is_directed(),
        "graph": {k: v for k, v in graph.graph.items() if isinstance(v, (str, int, float, bool))},
        "nodes": {n: typed(a) for n, a in graph.nodes(data=True)},
        "edges": [[u, v, k, typed(a)] for u, v, k, a in graph.edges(keys=True, data=True)]
        if graph.is_multigraph()
        else [[u, v, None, typed(a)] for u, v, a in graph.edges(data=True)],
    }, ensure_ascii=False))


if __name__ == "__main__":
    main()
