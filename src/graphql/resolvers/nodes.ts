// Nodes as fields typed as the Node interface return them: the domain object with its GraphQL type name.
import type { Entity } from '../../query/index.js';

/** A node with its GraphQL type name: what fields typed as the Node interface return. */
export type TypedNode = { [K in Entity['type']]: Extract<Entity, { type: K }>['value'] & { __typename: K } }[Entity['type']];

/** A node with its GraphQL type name, or null. */
export function typed(entity: Entity | undefined): TypedNode | null {
  return entity ? ({ ...entity.value, __typename: entity.type } as TypedNode) : null;
}
