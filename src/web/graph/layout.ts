// Runs ForceAtlas2 in a web worker and stops it after a time budget or once nodes barely move.
import type Graph from 'graphology';
import forceAtlas2 from 'graphology-layout-forceatlas2';
import FA2Layout from 'graphology-layout-forceatlas2/worker';

/** When to stop: after `maxMs`, or when the mean move per check falls under `tolerance` of the graph's extent. */
export interface LayoutBudget {
  readonly maxMs: number;
  /** Earliest convergence verdict (default 500 ms). */
  readonly minMs?: number;
  readonly checkEveryMs?: number;
  readonly tolerance?: number;
}

/** The time budget for a graph: short for small graphs, at most 4 s. */
export function layoutBudget(order: number): LayoutBudget {
  return { maxMs: Math.min(4000, 800 + order * 12), checkEveryMs: 250, tolerance: 0.002 };
}

/** One layout run; `done` resolves when it stops (by budget, convergence or stop()). */
export class LayoutRun {
  readonly done: Promise<'converged' | 'timeout' | 'stopped'>;
  private readonly supervisor: FA2Layout;
  private timer: ReturnType<typeof setInterval> | undefined;
  private finish!: (how: 'converged' | 'timeout' | 'stopped') => void;
  private stopped = false;

  /** Starts FA2 on `graph` (nodes need x, y; `fixed: true` pins a node). */
  constructor(graph: Graph, budget: LayoutBudget) {
    const settings = { ...forceAtlas2.inferSettings(graph), adjustSizes: false };
    this.supervisor = new FA2Layout(graph, { settings });
    this.done = new Promise((resolve) => {
      this.finish = resolve;
    });
    const started = performance.now();
    let last = snapshot(graph);
    this.timer = setInterval(() => {
      const now = snapshot(graph);
      const moved = meanMove(last, now);
      last = now;
      const elapsed = performance.now() - started;
      // The worker needs a moment to start: no verdict of convergence before minMs.
      if (elapsed >= (budget.minMs ?? 500) && moved < (budget.tolerance ?? 0.002)) this.end('converged');
      else if (elapsed > budget.maxMs) this.end('timeout');
    }, budget.checkEveryMs ?? 250);
    this.supervisor.start();
  }

  /** Stops the run (idempotent). */
  stop(): void {
    this.end('stopped');
  }

  private end(how: 'converged' | 'timeout' | 'stopped'): void {
    if (this.stopped) return;
    this.stopped = true;
    if (this.timer !== undefined) clearInterval(this.timer);
    this.supervisor.stop();
    this.supervisor.kill();
    this.finish(how);
  }
}

interface Snapshot {
  readonly xs: Map<string, [number, number]>;
  readonly extent: number;
}

function snapshot(graph: Graph): Snapshot {
  const xs = new Map<string, [number, number]>();
  let minX = Infinity;
  let maxX = -Infinity;
  let minY = Infinity;
  let maxY = -Infinity;
  graph.forEachNode((node, a) => {
    const x = Number(a.x);
    const y = Number(a.y);
    xs.set(node, [x, y]);
    minX = Math.min(minX, x);
    maxX = Math.max(maxX, x);
    minY = Math.min(minY, y);
    maxY = Math.max(maxY, y);
  });
  return { xs, extent: Math.max(1, maxX - minX, maxY - minY) };
}

/** Mean distance nodes moved between two snapshots, relative to the extent (Infinity before any move is seen). */
function meanMove(a: Snapshot, b: Snapshot): number {
  if (b.xs.size === 0) return 0;
  let sum = 0;
  for (const [node, [x, y]] of b.xs) {
    const before = a.xs.get(node);
    if (before === undefined) return Infinity;
    sum += Math.hypot(x - before[0], y - before[1]);
  }
  return sum / b.xs.size / b.extent;
}
