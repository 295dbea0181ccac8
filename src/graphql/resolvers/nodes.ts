// What resolvers share about nodes: the domain object with its GraphQL type name (what fields typed as the Node
// interface return), and a look-up that finds nothing as null.
import { NotFoundError } from '../../domain/errors.js';
import type { Entity } from '../../query/index.js';

/** A node with its GraphQL type name: what fields typed as the Node interface return. */
export type TypedNode = { [K in Entity['type']]: Extract<Entity, { type: K }>['value'] & { __typename: K } }[Entity['type']];

/** A node with its GraphQL type name, or null. */
export function typed(entity: Entity | undefined): TypedNode | null {
  return entity ? ({ ...entity.value, __typename: entity.type } as TypedNode) : null;
}

/** The result of a look-up, or null when it finds nothing (NOT_FOUND). */
export async function orNull<T>(work: () => Promise<T>): Promise<T | null> {
  try {
    return await work();
  } catch (error) {
    if (error instanceof NotFoundError) return null;
    throw error;
  }
}
