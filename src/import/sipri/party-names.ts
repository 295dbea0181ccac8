// SIPRI's own spellings of states and parties that i18n-iso-countries does not resolve (or resolves badly).

/** A state as SIPRI names it: its ISO 3166-1 alpha-2 code and the readable name armsgraph shows. */
export interface StateName {
  readonly code: string;
  readonly name: string;
  readonly aliases?: readonly string[];
  readonly note?: string;
}

const HISTORICAL = 'Historical state; the code is its former ISO 3166-1 alpha-2 code (ISO 3166-3), reserved and not reused.';

/**
 * SIPRI spelling → state. Only names that i18n-iso-countries misses, resolves to an ambiguous or official
 * long form, or that no longer exist, are listed; everything else goes through the library.
 *
 * Historical states keep their own actor: the Soviet Union is `SU` (not RU) and Yugoslavia `YU` (not RS),
 * because a transfer from the Soviet Union is not one from Russia. ISO 3166-1 alpha-2 codes of dissolved
 * states stay reserved (ISO 3166-3), so they cannot collide with a current state.
 */
export const SIPRI_STATES: Readonly<Record<string, StateName>> = {
  'Bosnia-Herzegovina': { code: 'BA', name: 'Bosnia and Herzegovina' },
  Brunei: { code: 'BN', name: 'Brunei' },
  'Cabo Verde': { code: 'CV', name: 'Cabo Verde' },
  'Cape Verde': { code: 'CV', name: 'Cabo Verde' },
  China: { code: 'CN', name: 'China' },
  // "Congo" alone is the Republic of the Congo (Brazzaville) in SIPRI; i18n lists it for both Congos.
  Congo: { code: 'CG', name: 'Congo', aliases: ['Congo-Brazzaville'] },
  "Cote d'Ivoire": { code: 'CI', name: "Côte d'Ivoire" },
  Czechia: { code: 'CZ', name: 'Czechia' },
  'DR Congo': { code: 'CD', name: 'Democratic Republic of the Congo', aliases: ['DRC', 'Congo-Kinshasa'] },
  Zaire: { code: 'CD', name: 'Democratic Republic of the Congo' },
  eSwatini: { code: 'SZ', name: 'Eswatini' },
  Swaziland: { code: 'SZ', name: 'Eswatini' },
  Gambia: { code: 'GM', name: 'Gambia' },
  Iran: { code: 'IR', name: 'Iran' },
  // XK is the user-assigned code the EU, the IMF and i18n-iso-countries use for Kosovo.
  Kosovo: { code: 'XK', name: 'Kosovo', note: 'XK is a user-assigned code (ISO 3166-1 has none for Kosovo).' },
  Laos: { code: 'LA', name: 'Laos' },
  Macedonia: { code: 'MK', name: 'North Macedonia' },
  'Macedonia (FYROM)': { code: 'MK', name: 'North Macedonia' },
  'North Macedonia': { code: 'MK', name: 'North Macedonia' },
  Micronesia: { code: 'FM', name: 'Micronesia' },
  Moldova: { code: 'MD', name: 'Moldova' },
  'North Korea': { code: 'KP', name: 'North Korea' },
  Palestine: { code: 'PS', name: 'Palestine' },
  Russia: { code: 'RU', name: 'Russia' },
  'South Korea': { code: 'KR', name: 'South Korea' },
  Syria: { code: 'SY', name: 'Syria' },
  Taiwan: { code: 'TW', name: 'Taiwan' },
  Tanzania: { code: 'TZ', name: 'Tanzania' },
  Turkiye: { code: 'TR', name: 'Türkiye', aliases: ['Turkey'] },
  Turkey: { code: 'TR', name: 'Türkiye' },
  UAE: { code: 'AE', name: 'United Arab Emirates' },
  UK: { code: 'GB', name: 'United Kingdom' },
  'United Kingdom': { code: 'GB', name: 'United Kingdom' },
  'United States': { code: 'US', name: 'United States' },
  'Viet Nam': { code: 'VN', name: 'Vietnam' },
  // Historical states (not in the 1995–2025 export, present in older ranges).
  'Soviet Union': { code: 'SU', name: 'Soviet Union', aliases: ['USSR', 'Union of Soviet Socialist Republics'], note: HISTORICAL },
  USSR: { code: 'SU', name: 'Soviet Union', note: HISTORICAL },
  Yugoslavia: { code: 'YU', name: 'Yugoslavia', aliases: ['SFRY'], note: HISTORICAL },
  Czechoslovakia: { code: 'CS', name: 'Czechoslovakia', note: HISTORICAL },
  'East Germany (GDR)': { code: 'DD', name: 'East Germany', aliases: ['GDR', 'German Democratic Republic'], note: HISTORICAL },
  'West Germany (FRG)': { code: 'DE', name: 'Germany' },
  'South Yemen': { code: 'YD', name: 'South Yemen', aliases: ["People's Democratic Republic of Yemen"], note: HISTORICAL },
  // YE was North Yemen's code before unification; unified Yemen kept it.
  'North Yemen': { code: 'YE', name: 'Yemen' },
};

/** Parties SIPRI lists that are neither states nor marked non-state/multinational (no ISO code). */
export const SIPRI_REGIONS: Readonly<Record<string, { readonly id: string; readonly name: string; readonly note: string }>> = {
  'Northern Cyprus': {
    id: 'region:northern-cyprus',
    name: 'Northern Cyprus',
    note: 'Listed by SIPRI as a recipient; recognised as a state only by Türkiye and without an ISO 3166 code.',
  },
};

/** Expansions of the short names SIPRI uses for non-state groups and organisations, added as aliases. */
export const PARTY_EXPANSIONS: Readonly<Record<string, readonly string[]>> = {
  // Not "AU": that is Australia's id.
  'African Union': ['African Union (AU)'],
  'European Union': ['EU'],
  'HoR (Libya)': ['House of Representatives (Libya)'],
  'LRA (Uganda)': ["Lord's Resistance Army"],
  'LTTE (Sri Lanka)': ['Liberation Tigers of Tamil Eelam', 'Tamil Tigers'],
  NATO: ['North Atlantic Treaty Organization'],
  'NTC (Libya)': ['National Transitional Council (Libya)'],
  OSCE: ['Organization for Security and Co-operation in Europe'],
  'PKK (Turkiye)': ["Kurdistan Workers' Party"],
  'RUF (Sierra Leone)': ['Revolutionary United Front'],
  'Regional Security System': ['RSS', 'Eastern Caribbean Regional Security System'],
  'SLA (Lebanon)': ['South Lebanon Army'],
  'UIC (Somalia)': ['Union of Islamic Courts'],
  'United Nations': ['UN'],
};
