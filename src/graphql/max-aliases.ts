// Validation rule: bounds the aliases of a document, which otherwise multiply one field's work without limit.
import { GraphQLError, type ASTVisitor, type ValidationContext } from 'graphql';

/** Default most aliases per document. */
export const DEFAULT_MAX_ALIASES = 100;

/**
 * Rejects a document with more than `max` aliased fields. Within the 32 KiB query limit, `a1: stats { actors }`
 * repeated fits ~2,000 times at an estimated cost of ~4,000, each one a store round trip (a Cypher query on Neo4j).
 */
export function maxAliasesRule(max = DEFAULT_MAX_ALIASES) {
  return (context: ValidationContext): ASTVisitor => {
    let aliases = 0;
    let reported = false;
    return {
      Field(node) {
        if (node.alias === undefined || reported) return;
        aliases += 1;
        if (aliases > max) {
          reported = true;
          context.reportError(new GraphQLError(`The document has more than ${max} aliases; ask for fewer fields at once`, { nodes: [node] }));
        }
      },
    };
  };
}
