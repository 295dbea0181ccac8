// Cypher literals for the Cypher export: strings escaped for single-quoted literals, typed numbers, lists, maps.
import { InvalidArgumentError } from '../domain/errors.js';
import { splitList, typedValues, type AttributeSpec } from './attributes.js';

const SIMPLE_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\', "'": "\\'", '\n': '\\n', '\r': '\\r', '\t': '\\t', '\b': '\\b', '\f': '\\f',
};

/**
 * Characters escaped as `\uXXXX`: other C0 and C1 controls and DEL, the Unicode line and paragraph separators
 * (so no line-splitting tool breaks a statement) and unpaired surrogates (which UTF-8 cannot carry).
 */
const UNICODE_ESCAPED = /[\u0000-\u0007\u000B\u000E-\u001F\u007F-\u009F\u2028\u2029]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/**
 * A single-quoted Cypher string literal for any string: backslash, quote, newline, carriage return, tab, backspace and
 * form feed get their backslash escapes, other control characters `\uXXXX`; other Unicode (Кинджал, 日本) is kept as
 * is, since the driver and cypher-shell send UTF-8. The literal never spans lines.
 */
export function cypherString(value: string): string {
  const escaped = value
    .replace(/[\\'\n\r\t\b\f]/g, (c) => SIMPLE_ESCAPES[c] ?? c)
    .replace(UNICODE_ESCAPED, (c) => `\\u${c.charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`);
  return `'${escaped}'`;
}

/** A Cypher integer literal; throws InvalidArgumentError unless `value` is a safe integer. */
export function cypherInteger(value: number): string {
  if (!Number.isSafeInteger(value)) throw new InvalidArgumentError(`cypherInteger: expected a safe integer, got ${value}`);
  return String(value);
}

/** A Cypher float literal that Neo4j stores as a Float even for whole numbers (`5.0`, `1.5e21`); must be finite. */
export function cypherFloat(value: number): string {
  if (!Number.isFinite(value)) throw new InvalidArgumentError(`cypherFloat: expected a finite number, got ${value}`);
  const text = String(value);
  if (/[eE]/.test(text)) return text.replace('e+', 'e');
  return text.includes('.') ? text : `${text}.0`;
}

/** A property key, backquoted (backquotes doubled) unless it is a plain identifier. */
export function cypherName(name: string): string {
  return /^[A-Za-z_][A-Za-z0-9_]*$/.test(name) ? name : `\`${name.replace(/`/g, '``')}\``;
}

function literal(spec: AttributeSpec, value: string | number | boolean): string {
  if (spec.list && typeof value === 'string') return `[${splitList(value).map(cypherString).join(', ')}]`;
  if (typeof value === 'string') return cypherString(value);
  if (typeof value === 'boolean') return value ? 'true' : 'false';
  return spec.type === 'int' ? cypherInteger(value) : cypherFloat(value);
}

/**
 * A Cypher map literal of the attributes that `specs` declare and that are present (absent ones are left out,
 * as Neo4j stores no nulls), each typed as declared; `leading` entries (e.g. the id) come first.
 */
export function cypherMap(
  specs: readonly AttributeSpec[],
  attributes: Record<string, unknown>,
  where: string,
  leading: readonly [string, string][] = [],
): string {
  const entries = leading.map(([name, value]) => `${cypherName(name)}: ${cypherString(value)}`);
  for (const [spec, value] of typedValues(specs, attributes, where)) entries.push(`${cypherName(spec.name)}: ${literal(spec, value)}`);
  return `{${entries.join(', ')}}`;
}
