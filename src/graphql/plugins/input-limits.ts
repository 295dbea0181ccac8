// Apollo plugin: rejects oversized argument values (long strings, long lists) before any resolver runs.
import type { ApolloServerPlugin } from '@apollo/server';
import { BREAK, visit, type DocumentNode } from 'graphql';
import { rejection } from '../errors.js';

/** Longest string an argument or variable may hold (ids, aliases, dates, cursors and search texts are far shorter). */
export const MAX_ARGUMENT_STRING = 1_000;
/** Most items a list argument or variable may hold (actors of a timeline filter, `around`, statuses…). */
export const MAX_ARGUMENT_LIST = 100;

interface Limits {
  readonly maxString: number;
  readonly maxList: number;
}

/** The first oversized value in a variable's JSON value, as a message naming where it is; undefined if none. */
function oversizedValue(value: unknown, where: string, limits: Limits): string | undefined {
  if (typeof value === 'string') {
    return value.length > limits.maxString ? `${where} is a string of ${value.length} characters; at most ${limits.maxString} are accepted` : undefined;
  }
  if (Array.isArray(value)) {
    if (value.length > limits.maxList) return `${where} is a list of ${value.length} items; at most ${limits.maxList} are accepted`;
    for (let i = 0; i < value.length; i += 1) {
      const found = oversizedValue(value[i], `${where}[${i}]`, limits);
      if (found) return found;
    }
    return undefined;
  }
  if (value !== null && typeof value === 'object') {
    for (const [key, v] of Object.entries(value)) {
      const found = oversizedValue(v, `${where}.${key}`, limits);
      if (found) return found;
    }
  }
  return undefined;
}

/** The first oversized literal in a document (string or list written in the query text); undefined if none. */
function oversizedLiteral(document: DocumentNode, limits: Limits): string | undefined {
  let found: string | undefined;
  visit(document, {
    StringValue(node) {
      if (node.value.length > limits.maxString) {
        found = `a string argument of ${node.value.length} characters; at most ${limits.maxString} are accepted`;
        return BREAK;
      }
      return undefined;
    },
    ListValue(node) {
      if (node.values.length > limits.maxList) {
        found = `a list argument of ${node.values.length} items; at most ${limits.maxList} are accepted`;
        return BREAK;
      }
      return undefined;
    },
  });
  return found;
}

/**
 * Builds the plugin. Without it a 900 KB id costs a did-you-mean scan over every name (and comes back in the error
 * message), and a list of 50,000 ids costs 50,000 alias look-ups, which on Neo4j are 50,000 queries.
 */
export function inputLimitsPlugin<T extends object>(limits: Limits = { maxString: MAX_ARGUMENT_STRING, maxList: MAX_ARGUMENT_LIST }): ApolloServerPlugin<T> {
  // Literals are part of the document, which Apollo parses once per query text: check each document once.
  const literalsChecked = new WeakMap<DocumentNode, string | undefined>();
  return {
    async requestDidStart() {
      return {
        async didResolveOperation({ request, document, operation }) {
          if (!operation) return; // Apollo answers OPERATION_RESOLUTION_FAILURE
          if (!literalsChecked.has(document)) literalsChecked.set(document, oversizedLiteral(document, limits));
          const literal = literalsChecked.get(document);
          if (literal) throw rejection(`The query holds ${literal}`, 'BAD_USER_INPUT');
          for (const [name, value] of Object.entries(request.variables ?? {})) {
            const found = oversizedValue(value, `$${name}`, limits);
            if (found) throw rejection(`Variable ${found}`, 'BAD_USER_INPUT', { argument: `$${name}` });
          }
        },
      };
    },
  };
}
