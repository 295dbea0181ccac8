// Runs the armsgraph command as a user runs it: bin/armsgraph.js in a subprocess, on the memory store.
import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';

export const ROOT = path.resolve(import.meta.dirname, '../..');
export const BIN = path.join(ROOT, 'bin/armsgraph.js');
/** The shared SIPRI export (a sibling of the repository, as on CI). */
export const SIPRI = path.resolve(ROOT, '../shared/data/sipri-trade-register-1995-2025.csv');

export interface CliRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** Runs `armsgraph --store memory …args`: the memory store whatever NEO4J_URI says, and no SIPRI unless asked for. */
export async function runCli(...args: string[]): Promise<CliRun> {
  try {
    const env = { ...process.env, ARMSGRAPH_SIPRI: '' };
    const { stdout, stderr } = await promisify(execFile)(process.execPath, [BIN, '--store', 'memory', ...args], { cwd: ROOT, env, maxBuffer: 64 << 20 });
    return { code: 0, stdout, stderr };
  } catch (error) {
    const e = error as { code: number; stdout: string; stderr: string };
    return { code: e.code, stdout: e.stdout, stderr: e.stderr };
  }
}
