// Timing helpers: latency samples, percentiles, and child processes that report one JSON line.
import { spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import path from 'node:path';

export const BENCH_DIR = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(BENCH_DIR, '..', '..');

/** Latency summary of one measured operation, in milliseconds. */
export interface Latency {
  readonly n: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly mean: number;
  readonly max: number;
}

/** Nearest-rank percentile of sorted samples. */
export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}

export function summarize(samples: readonly number[]): Latency {
  const sorted = [...samples].sort((a, b) => a - b);
  return {
    n: sorted.length,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    mean: sorted.reduce((s, x) => s + x, 0) / Math.max(1, sorted.length),
    max: sorted[sorted.length - 1] ?? Number.NaN,
  };
}

/** Milliseconds one call of `fn` takes. */
export async function timeOnce<T>(fn: () => Promise<T> | T): Promise<{ ms: number; value: T }> {
  const started = performance.now();
  const value = await fn();
  return { ms: performance.now() - started, value };
}

/** CPU time (ms) the whole machine has spent busy since boot, from /proc/stat; undefined where there is none. */
function machineBusyMs(): number | undefined {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/);
    const [user, nice, system, , , irq, softirq, steal] = fields.map(Number);
    return ((user! + nice! + system! + irq! + softirq! + steal!) * 1000) / 100; // USER_HZ is 100 on Linux
  } catch {
    return undefined;
  }
}

/**
 * Waits until the rest of the machine (everything but this process: Neo4j's JVM finishing the work of the questions
 * before, a child still exiting) uses less than `maxCores` over a 250 ms window, for at most `maxWaitMs`. On two cores
 * a timing run started while the JVM still collects garbage after heavy Cypher measures the JVM too.
 */
export async function quiet(maxCores = 0.15, maxWaitMs = 10_000): Promise<void> {
  const started = performance.now();
  for (;;) {
    const [busy0, own0, t0] = [machineBusyMs(), process.cpuUsage(), performance.now()];
    if (busy0 === undefined) return;
    await new Promise((r) => setTimeout(r, 250));
    const own = process.cpuUsage(own0);
    const others = Math.max(0, machineBusyMs()! - busy0 - (own.user + own.system) / 1000) / (performance.now() - t0);
    const waitedMs = performance.now() - started;
    if (others < maxCores) return;
    if (waitedMs > maxWaitMs) {
      console.error(`bench: the rest of the machine stayed busy (${others.toFixed(2)} cores) for ${Math.round(waitedMs / 1000)} s; timing anyway`);
      return;
    }
  }
}

/**
 * Times each input once, in order, after `warmup` untimed calls on the first ones (and after waiting for the machine
 * to be quiet, `quiet`); stops once `budgetMs` of timed
 * work is spent. Returns each timed input's milliseconds (index-aligned with `inputs`, possibly shorter), so
 * figures over a subset of the questions (one hop bound, the ones a peer answered) can be summarised.
 */
export async function timeEach<I>(
  inputs: readonly I[],
  fn: (input: I) => Promise<unknown>,
  options: { warmup?: number; budgetMs?: number } = {},
): Promise<number[]> {
  await quiet();
  for (const input of inputs.slice(0, options.warmup ?? Math.min(10, inputs.length))) await fn(input);
  const samples: number[] = [];
  let spent = 0;
  for (const input of inputs) {
    const started = performance.now();
    await fn(input);
    const ms = performance.now() - started;
    samples.push(ms);
    spent += ms;
    if (options.budgetMs !== undefined && spent > options.budgetMs) break;
  }
  return samples;
}

/**
 * Runs each input once after `warmup` untimed passes over the first inputs, sequentially, and summarises the
 * latencies. Stops early (and says so in `n`) once `budgetMs` of timed work has been spent.
 */
export async function latencies<I>(
  inputs: readonly I[],
  fn: (input: I) => Promise<unknown>,
  options: { warmup?: number; budgetMs?: number } = {},
): Promise<Latency> {
  return summarize(await timeEach(inputs, fn, options));
}

/** Peak resident set size of this process so far, in MiB. */
export function peakRssMiB(): number {
  return process.resourceUsage().maxRSS / 1024;
}

export function rssMiB(): number {
  return process.memoryUsage().rss / 1024 / 1024;
}

/** Arguments that run a TypeScript file of this folder in a fresh Node process (tsx as an import hook, no wrapper process). */
export function tsxArgs(file: string, args: readonly string[], nodeFlags: readonly string[] = []): string[] {
  return [...nodeFlags, '--import', 'tsx', path.join(BENCH_DIR, file), ...args];
}

/**
 * Runs a bench child to completion and parses the last line of its stdout as JSON. The child's stderr is
 * passed through (progress notes); a non-zero exit rejects with the tail of its output.
 */
export function runChild<T>(file: string, args: readonly string[], options: { nodeFlags?: readonly string[]; env?: NodeJS.ProcessEnv; timeoutMs?: number } = {}): Promise<T> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, tsxArgs(file, args, options.nodeFlags), {
      cwd: ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let out = '';
    let err = '';
    child.stdout.on('data', (c: Buffer) => (out += c.toString()));
    child.stderr.on('data', (c: Buffer) => {
      err += c.toString();
      if (process.env.BENCH_VERBOSE) process.stderr.write(c);
    });
    const timer = options.timeoutMs === undefined ? undefined : setTimeout(() => child.kill('SIGKILL'), options.timeoutMs);
    child.once('error', reject);
    child.once('exit', (code, signal) => {
      if (timer) clearTimeout(timer);
      const last = out.trim().split('\n').pop() ?? '';
      if (code !== 0) {
        reject(new Error(`${file} ${args.join(' ')} exited with ${code ?? signal}:\n${(err + out).trim().split('\n').slice(-20).join('\n')}`));
        return;
      }
      try {
        resolve(JSON.parse(last) as T);
      } catch {
        reject(new Error(`${file} printed no JSON result:\n${out.slice(-2000)}`));
      }
    });
  });
}

/** Rounds for display: 3 significant digits below 100, integers above. */
export function fmt(x: number | undefined | null, digits = 3): string {
  if (x === undefined || x === null || Number.isNaN(x)) return '–';
  if (Math.abs(x) >= 100) return Math.round(x).toLocaleString('en-US');
  return Number(x.toPrecision(digits)).toString();
}
