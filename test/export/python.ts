// Runs the networkx reader script; finds out whether python3 with networkx is there (REQUIRE_PYTHON=1 makes it required).
import { execFile } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { describe, it } from 'vitest';

const run = promisify(execFile);
const SCRIPT = fileURLToPath(new URL('./networkx_read.py', import.meta.url));

/** What networkx_read.py prints: the graph class and every attribute as [value, python type name]. */
export interface NetworkxGraph {
  readonly networkx: string;
  readonly class: string;
  readonly multigraph: boolean;
  readonly directed: boolean;
  readonly graph: Record<string, unknown>;
  readonly nodes: Record<string, Record<string, [unknown, string]>>;
  readonly edges: [string, string, string | null, Record<string, [unknown, string]>][];
}

/** Reads `file` with networkx (`nx.read_graphml` or `nx.read_gexf`) in a python3 child process. */
export async function readWithNetworkx(format: 'graphml' | 'gexf', file: string): Promise<NetworkxGraph> {
  const { stdout } = await run('python3', [SCRIPT, format, file], { maxBuffer: 64 * 1024 * 1024 });
  return JSON.parse(stdout) as NetworkxGraph;
}

/**
 * True when `python3 -c "import networkx"` works. Otherwise registers a skipped suite saying how to set it up
 * (pip install networkx), or a failing test when REQUIRE_PYTHON=1.
 */
export async function networkxAvailable(): Promise<boolean> {
  try {
    await run('python3', ['-c', 'import networkx']);
    return true;
  } catch (error) {
    const reason = error instanceof Error ? error.message.split('\n')[0] : String(error);
    const hint = 'install it with: pip install networkx';
    if (process.env.REQUIRE_PYTHON === '1') {
      describe('python3 with networkx (required: REQUIRE_PYTHON=1)', () => {
        it('is installed', () => {
          throw new Error(`python3 with networkx is required but unusable (${reason}); ${hint}`);
        });
      });
    } else {
      describe.skip(`python3 with networkx unavailable (${reason}); ${hint}, or set REQUIRE_PYTHON=1 to make this a failure`, () => {
        it('skipped', () => {});
      });
    }
    return false;
  }
}
