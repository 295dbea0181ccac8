// Shared by the Cypher builder tests: a hostile value and the check that no value ever reaches a statement's text.
import { expect } from 'vitest';
import type { NamePort } from '../../../../src/query/index.js';

/** A value that would break out of a string literal if it were ever interpolated into Cypher. */
export const HOSTILE = "x'}) DETACH DELETE n //";

/** Asserts that neither the hostile value nor a test date appears in the text: values travel as parameters. */
export function expectNoValuesInText(statement: { cypher: string; params: Record<string, unknown> }): void {
  expect(statement.cypher).not.toContain(HOSTILE);
  expect(statement.cypher).not.toContain('2024-01-15');
}

/** Resolves references as a store would for a graph holding them all: actors as given, the Patriot family by name. */
export const names: NamePort = {
  resolveActor: async (ref) => ref,
  resolveSystem: async (ref) => (ref === 'Patriot' ? 'system:patriot' : ref),
};
