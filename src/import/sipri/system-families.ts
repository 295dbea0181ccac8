// The rule table that groups SIPRI designations into system families (Patriot, Leopard, T-72, …).

/** One family: designations matching `match` (and not `unless`) become members of the system `id`. */
export interface SystemFamilyRule {
  readonly id: string;
  readonly name: string;
  /** Category of the family system itself. */
  readonly category: string;
  readonly match: RegExp;
  readonly unless?: RegExp;
  readonly aliases?: readonly string[];
}

/**
 * Ordered rules: the first match wins. Ids are shared with the seed where the seed has the system
 * (`system:patriot`, same name and category), so SIPRI transfers join the curated graph.
 */
export const SYSTEM_FAMILY_RULES: readonly SystemFamilyRule[] = [
  // Patriot-3 SAMS, Patriot SAMS, MIM-104A Patriot, MIM-104 PAC-2, MIM-104 PAC-3 (MSE), Patriot PAC-2 …
  { id: 'system:patriot', name: 'Patriot', category: 'air-defence system', match: /^MIM-104|\bPatriot\b|\bPAC-[23]\b/i, aliases: ['MIM-104'] },
  // Leopard-1/-2 tanks and their chassis and turrets; not the unrelated "Leopard APV".
  { id: 'system:leopard', name: 'Leopard', category: 'tank', match: /^Leopard-?[12]/i },
  { id: 'system:t-72', name: 'T-72', category: 'tank', match: /^T-72/i },
  { id: 'system:f-16', name: 'F-16', category: 'FGA aircraft', match: /^F-16/i, aliases: ['Fighting Falcon'] },
  { id: 'system:himars', name: 'HIMARS', category: 'multiple rocket launcher', match: /^(?:HIMARS|M-?142)\b/i, aliases: ['M142 HIMARS'] },
  { id: 'system:iris-t', name: 'IRIS-T', category: 'missile', match: /^IRIS-T\b/i },
  { id: 'system:nasams', name: 'NASAMS', category: 'air-defence system', match: /^NASAMS/i },
  // The anti-aircraft gun, not the "Gepard-3" frigate.
  { id: 'system:gepard', name: 'Gepard', category: 'self-propelled anti-aircraft gun', match: /^Gepard(?![-\w])/i },
  // M-113 carriers and variants, not the Spike-NLOS launcher mounted on one.
  { id: 'system:m-113', name: 'M-113', category: 'armoured personnel carrier', match: /^M-113/i, unless: /Spike/i, aliases: ['M113'] },
  { id: 'system:abrams', name: 'Abrams', category: 'tank', match: /\bAbrams\b/i, aliases: ['M1 Abrams'] },
  { id: 'system:bradley', name: 'Bradley', category: 'infantry fighting vehicle', match: /\bBradley\b/i },
  { id: 'system:s-300', name: 'S-300', category: 'air-defence system', match: /^S-300/i },
];

/** The family rule a designation falls under, or undefined. */
export function familyOf(designation: string, rules: readonly SystemFamilyRule[] = SYSTEM_FAMILY_RULES): SystemFamilyRule | undefined {
  return rules.find((rule) => rule.match.test(designation) && !(rule.unless?.test(designation) ?? false));
}
