// Resolves SIPRI supplier/recipient names to actors: states by ISO 3166-1 alpha-2, other parties by kind.
import countries from 'i18n-iso-countries';
import type { Actor, ActorKind } from '../../domain/model.js';
import { normalizeName } from '../../domain/text.js';
import { slugify } from '../slug.js';
import { PARTY_EXPANSIONS, SIPRI_REGIONS, SIPRI_STATES, type StateName } from './party-names.js';

/** A resolved SIPRI party: the actor to create for it. */
export interface SipriParty extends Actor {
  /** The name exactly as the export writes it. */
  readonly sipriName: string;
  /** For a group located in a state ("Hezbollah (Lebanon)*"): that state, which must exist as an actor too. */
  readonly countryParty?: SipriParty;
}

/** The plain Actor of a party, without the import-only fields. */
export function toActor(party: SipriParty): Actor {
  const { sipriName: _name, countryParty: _country, ...actor } = party;
  return actor;
}

/** SIPRI's footnote markers: `**` after a multinational organisation, `*` after a non-state actor. */
const MULTINATIONAL = /\s*\*\*$/;
const NON_STATE = /\s*\*$/;
const UNKNOWN = /^unknown (supplier|recipient)\(s\)$/i;
const PARENTHESIS = /\(([^()]+)\)\s*$/;

/** i18n names shared by more than one code (e.g. "Congo"): useless as aliases. */
const AMBIGUOUS: ReadonlySet<string> = (() => {
  const owners = new Map<string, Set<string>>();
  for (const [code, names] of Object.entries(countries.getNames('en', { select: 'all' }))) {
    for (const name of names) owners.set(normalizeName(name), (owners.get(normalizeName(name)) ?? new Set()).add(code));
  }
  return new Set([...owners].filter(([, codes]) => codes.size > 1).map(([name]) => name));
})();

/** Aliases without duplicates (normalised) and without the name itself. */
function aliasesOf(name: string, candidates: Iterable<string>): string[] {
  const seen = new Set([normalizeName(name)]);
  const out: string[] = [];
  for (const candidate of candidates) {
    const key = normalizeName(candidate);
    if (key === '' || seen.has(key)) continue;
    seen.add(key);
    out.push(candidate);
  }
  return out;
}

function stateActor(sipriName: string, state: StateName): SipriParty {
  const libraryNames = countries.getName(state.code, 'en', { select: 'all' }) ?? [];
  // Kosovo's XK is user-assigned; the alpha-3 codes seen for it (XKK, XKX) are not standard.
  const alpha3 = state.code === 'XK' ? undefined : countries.alpha2ToAlpha3(state.code);
  const aliases = aliasesOf(state.name, [
    sipriName,
    ...(state.aliases ?? []),
    ...libraryNames.filter((n) => !AMBIGUOUS.has(normalizeName(n))),
    ...(alpha3 ? [alpha3] : []),
  ]);
  // Keep the SIPRI spelling itself even when it only differs from the name in punctuation or case.
  if (sipriName !== state.name && !aliases.includes(sipriName)) aliases.unshift(sipriName);
  return { id: state.code, name: state.name, kind: 'STATE', aliases, sipriName, ...(state.note !== undefined && { note: state.note }) };
}

/** Resolves a state name through SIPRI's table, then i18n-iso-countries (exact, then without accents). */
export function resolveState(name: string): SipriParty | undefined {
  const listed = SIPRI_STATES[name];
  if (listed) return stateActor(name, listed);
  const code = countries.getAlpha2Code(name, 'en') ?? countries.getSimpleAlpha2Code(name, 'en');
  return code === undefined ? undefined : stateActor(name, { code, name });
}

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

function groupActor(sipriName: string, kind: ActorKind, prefix: 'group' | 'multi'): SipriParty | undefined {
  const bare = sipriName.replace(prefix === 'multi' ? MULTINATIONAL : NON_STATE, '').trim();
  const slug = slugify(bare);
  if (slug === '') return undefined;
  const name = capitalise(bare);
  // "Houthi rebels (Yemen)*": the state in parentheses is where the group is; "(Israel/Palestine)" names none.
  const place = PARENTHESIS.exec(bare)?.[1]?.trim();
  const countryParty = place === undefined ? undefined : resolveState(place);
  const aliases = aliasesOf(name, PARTY_EXPANSIONS[bare] ?? []);
  aliases.unshift(sipriName);
  return {
    id: `${prefix}:${slug}`, name, kind, aliases, sipriName,
    ...(countryParty !== undefined && { country: countryParty.id, countryParty }),
  };
}

/**
 * Resolves one SIPRI supplier or recipient name to the actor it stands for, or undefined when unknown:
 * - states: id = ISO 3166-1 alpha-2 (`Turkiye` → TR, `Soviet Union` → SU), kind STATE;
 * - `Name**` (multinational organisation): `multi:<slug>`, kind MULTINATIONAL;
 * - `Name*` (non-state actor, including "unknown rebel group*"): `group:<slug>`, kind NON_STATE_GROUP,
 *   `country` = the state in the trailing parentheses when there is one;
 * - `unknown supplier(s)` / `unknown recipient(s)`: `unknown:supplier` / `unknown:recipient`, kind UNKNOWN
 *   (the seed's `unknown:supplier` is the same actor);
 * - listed regions without an ISO code (Northern Cyprus): `region:<slug>`, kind REGION.
 */
export function resolveSipriParty(sipriName: string): SipriParty | undefined {
  const name = sipriName.trim();
  if (MULTINATIONAL.test(name)) return groupActor(name, 'MULTINATIONAL', 'multi');
  if (NON_STATE.test(name)) return groupActor(name, 'NON_STATE_GROUP', 'group');
  const unknown = UNKNOWN.exec(name);
  if (unknown) {
    const role = (unknown[1] ?? '').toLowerCase();
    return { id: `unknown:${role}`, name: `Unknown ${role}`, kind: 'UNKNOWN', aliases: [name], sipriName: name, note: `Stands for a ${role} the source does not name.` };
  }
  const region = SIPRI_REGIONS[name];
  if (region) return { id: region.id, name: region.name, kind: 'REGION', aliases: [], sipriName: name, note: region.note };
  return resolveState(name);
}

/**
 * Resolves names once each and remembers where unresolved ones occur, for the import summary.
 * `resolve` returns undefined for names it cannot place.
 */
export class SipriPartyResolver {
  private readonly cache = new Map<string, SipriParty | undefined>();
  private readonly misses = new Map<string, number[]>();

  /** The actor for `name` (seen on `line`), or undefined when the name is unknown. */
  resolve(name: string, line: number): SipriParty | undefined {
    let party = this.cache.get(name);
    if (party === undefined && !this.cache.has(name)) {
      party = resolveSipriParty(name);
      this.cache.set(name, party);
    }
    if (party === undefined) {
      const lines = this.misses.get(name) ?? [];
      lines.push(line);
      this.misses.set(name, lines);
    }
    return party;
  }

  /** Names that could not be resolved, with every line they occur on, in order of first occurrence. */
  get unresolved(): { name: string; lines: number[] }[] {
    return [...this.misses].map(([name, lines]) => ({ name, lines }));
  }
}
