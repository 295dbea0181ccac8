// The items of a weapons.csv row ("Iris-T SLM air defence system (14); Patriot air defense battery (5)") and the
// system family each item belongs to.
import { familyOf, SYSTEM_FAMILY_RULES, type SystemFamilyRule } from '../sipri/system-families.js';

/** One item of a weapons list: the name as written, its count, and where it sits in the list. */
export interface KielItem {
  readonly name: string;
  readonly count: number;
}

/** Items are separated by `; `; each ends with its count in parentheses. */
const ITEM = /^(.*\S)\s*\((\d+)\)$/;

/**
 * Splits a weapons list into items. Returns the items, or a message saying what is wrong with the first bad one
 * (an item without a count, a count that is not a positive whole number, an empty item).
 */
export function parseWeaponsList(list: string): { items: KielItem[] } | { error: string } {
  if (list.trim() === '') return { error: 'empty list: expected items such as "Patriot air defense battery (5)" separated by "; "' };
  const items: KielItem[] = [];
  const parts = list.split(';');
  for (const [i, raw] of parts.entries()) {
    const part = raw.trim();
    const where = `item ${i + 1} ${JSON.stringify(part)}`;
    if (part === '') return { error: `item ${i + 1} is empty (two ";" in a row, or a trailing ";")` };
    const match = ITEM.exec(part);
    if (match === null) {
      const odd = /\(([^()]*)\)\s*$/.exec(part);
      return {
        error: odd === null
          ? `${where} has no count: expected the name followed by its count in parentheses, e.g. "Leopard-2A4 (8)"`
          : `${where}: count "${odd[1]}" is not a positive whole number`,
      };
    }
    const count = Number(match[2]);
    if (count === 0) return { error: `${where}: count 0 is not a commitment (expected a positive whole number)` };
    if (!Number.isSafeInteger(count)) return { error: `${where}: count ${match[2]} is too large` };
    items.push({ name: match[1]!.trim(), count });
  }
  return { items };
}

/**
 * Kiel spellings the SIPRI family rules do not catch, tried before them: the long NASAMS name, T-72s described
 * before their designation ("Modified T-72 tank", "overhauled T-72").
 */
export const KIEL_FAMILY_RULES: readonly SystemFamilyRule[] = [
  { id: 'system:nasams', name: 'NASAMS', category: 'air-defence system', match: /\bNASAMS\b/i },
  { id: 'system:t-72', name: 'T-72', category: 'tank', match: /\bT-72/i },
];

/** The family an item belongs to (Kiel's own spellings first, then the SIPRI family rules), or undefined. */
export function familyOfItem(name: string): SystemFamilyRule | undefined {
  return familyOf(name, KIEL_FAMILY_RULES) ?? familyOf(name, SYSTEM_FAMILY_RULES);
}
