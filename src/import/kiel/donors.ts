// Resolves the Kiel tracker's donor names (and ISO 3166-1 alpha-3 codes) to the actors SIPRI and the seed use.
import countries from 'i18n-iso-countries';
import { resolveSipriParty, toActor, type SipriParty } from '../sipri/countries.js';
import type { Actor } from '../../domain/model.js';

/** Kiel spellings that are not state names, as the SIPRI name of the same party. */
export const KIEL_DONOR_NAMES: Readonly<Record<string, string>> = {
  'EU (Commission and Council)': 'European Union**',
  'European Union': 'European Union**',
};

/** Kiel's ISO column for parties without an ISO 3166 code. */
const KIEL_CODES: Readonly<Record<string, string>> = { EU: 'multi:european-union' };

/** The actor of a Kiel donor name, or undefined when the name is no known state or party. */
export function resolveKielDonor(name: string): Actor | undefined {
  const party: SipriParty | undefined = resolveSipriParty(KIEL_DONOR_NAMES[name] ?? name);
  if (party === undefined) return undefined;
  const actor = toActor(party);
  return actor.name === name || actor.aliases.includes(name) ? actor : { ...actor, aliases: [...actor.aliases, name] };
}

/** The actor id a Kiel ISO column value stands for ("DEU" → "DE", "EU" → "multi:european-union"), or undefined. */
export function actorIdOfIso(iso: string): string | undefined {
  if (KIEL_CODES[iso] !== undefined) return KIEL_CODES[iso];
  if (!/^[A-Z]{3}$/.test(iso)) return undefined;
  return countries.alpha3ToAlpha2(iso) ?? undefined;
}
