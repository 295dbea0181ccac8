// The list questions: actors, systems and transfers, filtered and keyset-paged.
import type { Actor, Transfer, WeaponSystem } from '../../domain/model.js';
import { checkTransferFilter, nameFilterText, pageArgs, resolveTransferFilter, systemArg } from '../prepare.js';
import type { ListPort, NamePort } from '../ports.js';
import type { ActorFilterInput, Page, PageInput, SystemFilterInput, TransferFilter, TransferFilterInput } from '../types.js';

/** Actors by id, filtered by kind and by a name, alias or id containing the text. */
export async function actors(ports: ListPort, input?: ActorFilterInput | null, page?: PageInput | null): Promise<Page<Actor>> {
  const request = pageArgs(page);
  return ports.actorPage(
    { ...(input?.kinds?.length && { kinds: [...input.kinds] }), ...(input?.text != null && { text: nameFilterText(input.text) }) },
    request,
  );
}

/** Systems by id, filtered by category, family (the system and its members) and name text. */
export async function systems(ports: NamePort & ListPort, input?: SystemFilterInput | null, page?: PageInput | null): Promise<Page<WeaponSystem>> {
  const request = pageArgs(page);
  const text = input?.text != null ? nameFilterText(input.text) : undefined;
  const family = input?.family != null ? await systemArg(ports, input.family, 'filter.family') : undefined;
  return ports.systemPage(
    { ...(input?.category != null && { category: input.category }), ...(family !== undefined && { family }), ...(text !== undefined && { text }) },
    request,
  );
}

/**
 * Transfers in time order under a filter; `fixed` (an actor's own transfers) overrides the filter's supplier or
 * recipient.
 */
export async function transfers(
  ports: NamePort & ListPort,
  input?: TransferFilterInput | null,
  page?: PageInput | null,
  fixed: Pick<TransferFilter, 'supplier' | 'recipient'> = {},
): Promise<Page<Transfer>> {
  const request = pageArgs(page);
  const filter = await resolveTransferFilter(ports, checkTransferFilter(input));
  return ports.transferPage({ ...filter, ...fixed }, request);
}
