// Reads seed YAML files, checks them against the zod schemas, and hands located records to the resolver.
import { readdir, readFile, stat } from 'node:fs/promises';
import path from 'node:path';
import { LineCounter, Parser, parseDocument, visit, type Document } from 'yaml';
import type { z } from 'zod';
import { ValidationError, type ValidationIssue } from '../domain/errors.js';
import { SeedFile, type Dataset } from '../domain/model.js';
import { didYouMean, formatSuggestions } from '../domain/text.js';
import { decodeSeedText } from './decode.js';
import { fieldName, lineOf } from './locate.js';
import { resolveSeeds, type LocatedFile } from './resolve.js';

const KNOWN_FIELDS = [
  'sources', 'actors', 'systems', 'transfers', 'events', 'restrictions', 'aidCommitments',
  'id', 'name', 'title', 'publisher', 'url', 'publishedAt', 'text', 'note', 'kind', 'aliases', 'partOf', 'country',
  'designation', 'category', 'family', 'manufacturer', 'producedBy', 'citations', 'source', 'quote', 'locator',
  'supplier', 'recipient', 'system', 'quantity', 'exact', 'min', 'max', 'status', 'date', 'valueUsd', 'enabledBy',
  'subjectTo', 'backfills', 'statusHistory', 'inferred', 'actors', 'rule', 'imposedBy', 'appliesTo', 'suppliers',
  'recipients', 'origins', 'consentOf', 'inForce', 'donor', 'amountUsd', 'categories',
];

/** Largest seed file accepted, so a stray huge file fails fast instead of exhausting memory. */
export const MAX_SEED_FILE_BYTES = 5 * 1024 * 1024;
/** Alias uses a seed file may expand; past this an anchor/alias chain is a resource-exhaustion attack. */
const MAX_ALIAS_COUNT = 100;
const COLLECTION_KEYS = ['sources', 'actors', 'systems', 'transfers', 'events', 'restrictions', 'aidCommitments'];

function valueAt(raw: unknown, path: readonly PropertyKey[]): unknown {
  let value = raw;
  for (const key of path) {
    if (value === null || typeof value !== 'object') return undefined;
    value = (value as Record<PropertyKey, unknown>)[key];
  }
  return value;
}

function describeZodIssue(issue: z.core.$ZodIssue, raw: unknown): { path: PropertyKey[]; message: string }[] {
  const at = [...issue.path];
  const missing = valueAt(raw, at) === undefined && issue.code !== 'unrecognized_keys' && issue.code !== 'custom';
  switch (issue.code) {
    case 'unrecognized_keys':
      return issue.keys.map((key) => ({
        path: [...at, key],
        message: `unknown field${formatSuggestions(didYouMean(key, KNOWN_FIELDS, 1))}`,
      }));
    case 'invalid_type': {
      const received = /received (\w+)/.exec(issue.message)?.[1];
      if (received === 'undefined') return [{ path: at, message: `required field is missing (expected ${issue.expected})` }];
      const key = at[at.length - 1];
      if (issue.expected === 'string' && received === 'number' && (key === 'date' || key === 'inForce' || key === 'publishedAt')) {
        // YAML reads `date: 2020` as a number; EDTF dates are text.
        return [{ path: at, message: `expected an EDTF date as text, got number: write it in quotes, e.g. ${String(key)}: "${String(valueAt(raw, at))}"` }];
      }
      if (at.length === 0) return [{ path: at, message: `expected a mapping of ${COLLECTION_KEYS.join(', ')} at the top level${received ? `, got ${received}` : ''}` }];
      return [{ path: at, message: `expected ${issue.expected}${received ? `, got ${received}` : ''}` }];
    }
    case 'invalid_value': {
      const expected = `one of ${issue.values.map((v) => String(v)).join(', ')}`;
      return [{ path: at, message: missing ? `required field is missing (expected ${expected})` : `expected ${expected}` }];
    }
    case 'too_small':
      return [{ path: at, message: `out of range: ${issue.message.replace(/^Too small: /, '')}` }];
    case 'too_big':
      return [{ path: at, message: `out of range: ${issue.message.replace(/^Too big: /, '')}` }];
    default:
      return [{ path: at, message: issue.message }];
  }
}

/**
 * The offset of a quoted scalar or flow collection (`[…`, `{…`) that is never closed, if any. The yaml
 * package reports such errors where it gave up (often the end of the file); the fix is where it opened.
 */
function unclosedAt(text: string): { offset: number; what: string } | undefined {
  let found: { offset: number; what: string } | undefined;
  const walk = (node: unknown): void => {
    if (found !== undefined || node === null || typeof node !== 'object') return;
    if (Array.isArray(node)) {
      node.forEach(walk);
      return;
    }
    const n = node as { type?: string; source?: string; offset?: number; start?: { source: string; offset: number }; end?: { source: string }[] };
    if ((n.type === 'double-quoted-scalar' || n.type === 'single-quoted-scalar') && n.source !== undefined && n.offset !== undefined) {
      const quote = n.source[0] ?? '';
      if (n.source.length < 2 || !n.source.endsWith(quote)) found = { offset: n.offset, what: `the ${quote} opened` };
    } else if (n.type === 'flow-collection' && n.start !== undefined) {
      const close = n.start.source === '[' ? ']' : '}';
      if (!(n.end ?? []).some((e) => e.source === close)) found = { offset: n.start.offset, what: `the ${n.start.source} opened` };
    }
    for (const [key, value] of Object.entries(n)) if (key !== 'source') walk(value);
  };
  for (const token of new Parser().parse(text)) walk(token);
  return found;
}

/** Parses one seed file's text; returns its located document and any syntax or schema issues. */
export function parseSeedText(file: string, text: string): { located?: LocatedFile; issues: ValidationIssue[] } {
  const lineCounter = new LineCounter();
  const doc = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true }) as Document;
  const issues: ValidationIssue[] = [];
  if (doc.errors.length > 0) {
    const unclosed = doc.errors.some((e) => e.code !== 'RESOURCE_EXHAUSTION') ? unclosedAt(text) : undefined;
    for (const error of doc.errors) {
      const line = error.linePos?.[0]?.line ?? lineCounter.linePos(error.pos[0]).line;
      const first = error.message.split('\n')[0];
      if (unclosed !== undefined && unclosed.offset <= error.pos[0]) {
        // Everything after an unclosed quote or bracket is a consequence of it: one issue, where it opened.
        issues.push({
          file, line: lineCounter.linePos(unclosed.offset).line, field: '',
          message: `YAML syntax error: ${unclosed.what} on this line is never closed (the parser gave up on line ${line}: ${first})`,
        });
        break;
      }
      const message = error.code === 'RESOURCE_EXHAUSTION' ? `YAML nested too deeply to read (${first})` : `YAML syntax error: ${first}`;
      // The parser can report one problem twice (deep nesting does); say it once.
      if (!issues.some((i) => i.line === line && i.message === message)) issues.push({ file, line, field: '', message });
    }
    return { issues };
  }
  if (doc.contents === null) {
    // An empty file is almost always a truncated or unsaved one; loading it would silently drop its records.
    return { issues: [{ file, line: 1, field: '', message: `file is empty: expected a mapping of ${COLLECTION_KEYS.join(', ')}` }] };
  }
  let raw: unknown;
  try {
    raw = doc.toJS({ maxAliasCount: MAX_ALIAS_COUNT }) ?? {};
  } catch (error) {
    // The yaml package refuses alias expansions that grow without bound ("billion laughs").
    let first: number | undefined;
    visit(doc, { Alias: (_key, node) => { first ??= node.range?.[0]; return visit.BREAK; } });
    const line = first === undefined ? null : lineCounter.linePos(first).line;
    const reason = error instanceof Error ? error.message : String(error);
    return { issues: [{ file, line, field: '', message: `YAML aliases expand too far (more than ${MAX_ALIAS_COUNT} uses): ${reason}` }] };
  }
  const parsed = SeedFile.safeParse(raw);
  if (!parsed.success) {
    for (const zodIssue of parsed.error.issues) {
      for (const { path: at, message } of describeZodIssue(zodIssue, raw)) {
        const keys = at.filter((k): k is string | number => typeof k !== 'symbol');
        issues.push({ file, line: lineOf(doc, lineCounter, keys), field: fieldName(at), message });
      }
    }
    return { issues };
  }
  return { located: { file, doc, lineCounter, content: parsed.data }, issues };
}

/** Lists the seed files of a directory (`*.yaml`, `*.yml`), sorted by name. */
export async function listSeedFiles(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true });
  return entries
    .filter((e) => e.isFile() && /\.ya?ml$/i.test(e.name))
    .map((e) => path.join(dir, e.name))
    .sort();
}

/** Result of validating a seed directory: the dataset when valid, otherwise every issue found. */
export interface SeedValidation {
  readonly dataset?: Dataset;
  readonly issues: readonly ValidationIssue[];
  readonly files: readonly string[];
}

/**
 * Reads, validates and resolves every seed file of `dir` into one Dataset.
 * Reports all issues at once; never returns a partial dataset.
 */
export async function validateSeedDir(dir: string): Promise<SeedValidation> {
  let files: string[];
  try {
    files = await listSeedFiles(dir);
  } catch (error) {
    const reason = (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'directory does not exist' : String(error);
    return { files: [], issues: [{ file: dir, line: null, field: '', message: reason }] };
  }
  if (files.length === 0) {
    return { files, issues: [{ file: dir, line: null, field: '', message: 'no seed files (*.yaml) found' }] };
  }
  const issues: ValidationIssue[] = [];
  const located: LocatedFile[] = [];
  for (const file of files) {
    const display = path.relative(process.cwd(), file) || file;
    // Checked before reading: a file of gigabytes would exhaust memory (or exceed Node's 2 GiB buffer limit).
    const { size } = await stat(file);
    if (size > MAX_SEED_FILE_BYTES) {
      issues.push({ file: display, line: null, field: '', message: `file is ${size} bytes; seed files are limited to ${MAX_SEED_FILE_BYTES}` });
      continue;
    }
    const decoded = decodeSeedText(await readFile(file));
    if ('problem' in decoded) {
      issues.push({ file: display, line: decoded.line, field: '', message: decoded.problem });
      continue;
    }
    const result = parseSeedText(display, decoded.text);
    issues.push(...result.issues);
    if (result.located) located.push(result.located);
  }
  const resolved = await resolveSeeds(located, dir);
  issues.push(...resolved.issues);
  if (issues.length > 0) return { files, issues };
  return { files, issues, dataset: resolved.dataset };
}

/** Loads a seed directory into a Dataset, or throws a ValidationError listing every issue. */
export async function loadSeedDir(dir: string): Promise<Dataset> {
  const result = await validateSeedDir(dir);
  if (!result.dataset) throw new ValidationError(result.issues);
  return result.dataset;
}
