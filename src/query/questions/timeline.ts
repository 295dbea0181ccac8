// The timeline question (DESIGN §3, §5): entries filtered by actors, systems, kinds, window and known time, paged.
import { actorArg, allInOrder, day, dayWindow, pageArgs, sourcesArg, systemArg } from '../prepare.js';
import type { NamePort, TimelinePort } from '../ports.js';
import type { Page, PageInput, TimelineEntry, TimelineFilter, TimelineFilterInput } from '../types.js';

/** Checks a timeline filter's dates, then resolves its actors and systems (the first failing one reported). */
export async function timelineFilter(names: NamePort, input: TimelineFilterInput | null | undefined): Promise<TimelineFilter> {
  if (!input) return {};
  const between = dayWindow(input.between, 'filter.between');
  const knownAt = day(input.knownAt, 'filter.knownAt');
  const sources = sourcesArg(input.sources, 'filter.sources');
  const [actors, systems] = await allInOrder<[string[], string[]]>([
    allInOrder<string[]>((input.actors ?? []).map((ref, i) => actorArg(names, ref, `filter.actors[${i}]`))),
    allInOrder<string[]>((input.systems ?? []).map((ref, i) => systemArg(names, ref, `filter.systems[${i}]`))),
  ]);
  return {
    ...(actors.length > 0 && { actors }),
    ...(systems.length > 0 && { systems }),
    ...(input.kinds?.length && { kinds: [...input.kinds] }),
    ...(between && { between }),
    ...(knownAt && { knownAt }),
    ...(sources && { sources }),
  };
}

/** One page of timeline entries, ordered by earliest, latest, id; cursors are keyset, so they survive changes. */
export async function timeline(ports: NamePort & TimelinePort, input?: TimelineFilterInput | null, page?: PageInput | null): Promise<Page<TimelineEntry>> {
  const request = pageArgs(page);
  return ports.timelinePage(await timelineFilter(ports, input), request);
}
