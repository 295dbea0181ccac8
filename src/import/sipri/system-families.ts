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
  // Artillery and armour given to Ukraine, spelled so that the Kiel tracker's item names join the same families as
  // SIPRI's designations (SIPRI "UFH 155mm" is the M777, "PzH-2000 155mm" Kiel's "Panzerhaubitze 2000", …).
  { id: 'system:m777', name: 'M777', category: 'towed gun', match: /^(?:UFH\b|M-?777\b)/i, aliases: ['UFH'] },
  { id: 'system:pzh-2000', name: 'PzH 2000', category: 'self-propelled gun', match: /^(?:PzH-?\s?2000|Panzerhaubitze\s?2000)\b/i, aliases: ['Panzerhaubitze 2000'] },
  { id: 'system:caesar', name: 'CAESAR', category: 'self-propelled gun', match: /^CAESAR\b/i },
  { id: 'system:m109', name: 'M109', category: 'self-propelled gun', match: /^M-?109(?!\d)/i },
  { id: 'system:as-90', name: 'AS-90', category: 'self-propelled gun', match: /^AS-?90(?!\d)/i },
  { id: 'system:krab', name: 'Krab', category: 'self-propelled gun', match: /^(?:AHS\s+)?Krab\b/i },
  { id: 'system:zuzana', name: 'Zuzana', category: 'self-propelled gun', match: /^Zu[sz]ana\b/i },
  { id: 'system:dana', name: 'DANA', category: 'self-propelled gun', match: /^Dana\b/i },
  { id: 'system:archer', name: 'Archer', category: 'self-propelled gun', match: /^Archer\b/i },
  { id: 'system:dita', name: 'DITA', category: 'self-propelled gun', match: /^DITA\b/i },
  { id: 'system:tr-f1', name: 'TRF1', category: 'towed gun', match: /^TR-?F-?1\b/i, aliases: ['TR-F-1'] },
  { id: 'system:rm-70', name: 'RM-70', category: 'multiple rocket launcher', match: /^RM-70\b/i },
  { id: 'system:fh-70', name: 'FH-70', category: 'towed gun', match: /^FH-?70\b/i },
  { id: 'system:d-30', name: 'D-30', category: 'towed gun', match: /^D-30\b/i },
  { id: 'system:m101', name: 'M101', category: 'towed gun', match: /^M-?101\b/i },
  // Germany's MARS II is its M270 ("Mars II" in Kiel's lists).
  { id: 'system:m270', name: 'M270', category: 'multiple rocket launcher', match: /^(?:M-?270\b|MARS(?:\s|-)?II\b)/i, aliases: ['MLRS', 'MARS II'] },
  { id: 'system:bmp-1', name: 'BMP-1', category: 'infantry fighting vehicle', match: /^(?:BMP|BVP)-1\b/i },
  { id: 'system:bmp-2', name: 'BMP-2', category: 'infantry fighting vehicle', match: /^BMP-2\b/i },
  { id: 'system:marder', name: 'Marder', category: 'infantry fighting vehicle', match: /\bMarder\b/i },
  { id: 'system:cv90', name: 'CV90', category: 'infantry fighting vehicle', match: /^CV-?90/i },
  { id: 'system:challenger-2', name: 'Challenger 2', category: 'tank', match: /^Challenger[- ]2\b/i },
  { id: 'system:m-84', name: 'M-84', category: 'tank', match: /^M-84/i },
  { id: 'system:pt-91', name: 'PT-91', category: 'tank', match: /^PT-91/i },
  { id: 'system:m-55s', name: 'M-55S', category: 'tank', match: /^M-55S\b/i },
  { id: 'system:stormer', name: 'Stormer', category: 'armoured vehicle', match: /^Stormer\b/i },
];

/** The family rule a designation falls under, or undefined. */
export function familyOf(designation: string, rules: readonly SystemFamilyRule[] = SYSTEM_FAMILY_RULES): SystemFamilyRule | undefined {
  return rules.find((rule) => rule.match.test(designation) && !(rule.unless?.test(designation) ?? false));
}
