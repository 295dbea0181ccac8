// Turns SIPRI designations into WeaponSystems with stable ids, grouped into families by the rule table.
import type { Citation, WeaponSystem } from '../../domain/model.js';
import { normalizeName } from '../../domain/text.js';
import { slugify } from '../slug.js';
import { familyOf, SYSTEM_FAMILY_RULES, type SystemFamilyRule } from './system-families.js';

/**
 * Drops the ` -` SIPRI appends to some designations ("Bushmaster -", "T-72M1 -"): the export has both
 * forms of the same weapon (same description), so they name one system.
 */
export function cleanDesignation(designation: string): string {
  return designation.replace(/\s+-$/, '').trim();
}

/** Options of the catalog. */
export interface SystemCatalogOptions {
  /** Ids already used by other data (e.g. the seed): a designation never takes one unless it is its family. */
  readonly reservedIds?: Iterable<string>;
  /** The family rules; SYSTEM_FAMILY_RULES by default. */
  readonly rules?: readonly SystemFamilyRule[];
  /** Cited on every created system (the SIPRI release). */
  readonly source?: string;
}

/** The systems built from the designations seen, and the id each (designation, description) maps to. */
export interface SystemCatalogResult {
  readonly systems: readonly WeaponSystem[];
  /** The id of the system for a designation exactly as exported and its description. */
  idOf(designation: string, description: string): string;
}

interface Seen {
  readonly designation: string;
  readonly clean: string;
  readonly description: string;
}

const key = (designation: string, description: string) => `${designation}\u0000${description}`;

/**
 * Collects the (designation, description) pairs of an import, then assigns ids in one pass:
 * `system:<slug of designation>`; when one slug stands for weapons of different descriptions (SIPRI's
 * "Aditya" is an APC and a ship), or would take a reserved id, `-<slug of description>` is appended.
 * A designation whose slug is its family's id ("T-72", "HIMARS") *is* the family system.
 */
export class SystemCatalog {
  private readonly seen = new Map<string, Seen>();

  constructor(private readonly options: SystemCatalogOptions = {}) {}

  /** Notes a designation and its SIPRI description. */
  add(designation: string, description: string): void {
    const k = key(designation, description);
    if (!this.seen.has(k)) this.seen.set(k, { designation, clean: cleanDesignation(designation), description });
  }

  /** Assigns ids and builds the systems (families first, then designations sorted by id). */
  build(): SystemCatalogResult {
    const rules = this.options.rules ?? SYSTEM_FAMILY_RULES;
    const familyIds = new Set(rules.map((r) => r.id));
    const reserved = new Set(this.options.reservedIds ?? []);
    const citations: Citation[] = this.options.source === undefined ? [] : [{ source: this.options.source, note: 'SIPRI AT Database designation' }];

    const bySlug = new Map<string, Seen[]>();
    for (const s of this.seen.values()) {
      const slug = slugify(s.clean) || `unnamed-${slugify(s.description) || 'system'}`;
      bySlug.set(slug, [...(bySlug.get(slug) ?? []), s]);
    }

    const ids = new Map<string, string>();
    const systems = new Map<string, { system: WeaponSystem; aliases: string[] }>();
    const families = new Map<string, { rule: SystemFamilyRule; aliases: string[] }>();
    const taken = new Set<string>();
    const blocked = (id: string) => taken.has(id) || reserved.has(id) || familyIds.has(id);
    const unique = (wanted: string) => {
      let id = wanted;
      for (let n = 2; blocked(id); n++) id = `${wanted}-${n}`;
      taken.add(id);
      return id;
    };

    for (const slug of [...bySlug.keys()].sort()) {
      const group = bySlug.get(slug) ?? [];
      const descriptions = new Set(group.map((s) => s.description));
      for (const description of [...descriptions].sort()) {
        const members = group.filter((s) => s.description === description);
        const first = members[0];
        if (first === undefined) continue;
        const family = familyOf(first.clean, rules);
        const plain = `system:${slug}`;
        let id: string;
        if (descriptions.size === 1 && family !== undefined && family.id === plain) {
          // The designation names the family itself.
          id = plain;
          const entry = families.get(id) ?? { rule: family, aliases: [] };
          entry.aliases.push(...members.map((m) => m.clean));
          families.set(id, entry);
        } else {
          const clash = descriptions.size > 1 || blocked(plain);
          id = unique(clash ? `system:${slug}-${slugify(description) || 'other'}` : plain);
          const aliases = members.map((m) => m.designation);
          systems.set(id, {
            system: {
              id, name: first.clean, designation: first.clean, category: description, aliases: [], citations,
              ...(family !== undefined && { family: family.id }),
            },
            aliases,
          });
          if (family !== undefined && !families.has(family.id)) families.set(family.id, { rule: family, aliases: [] });
        }
        for (const m of members) ids.set(key(m.designation, m.description), id);
      }
    }

    const out: WeaponSystem[] = [];
    for (const [id, { rule, aliases }] of [...families].sort(([a], [b]) => a.localeCompare(b))) {
      out.push({ id, name: rule.name, category: rule.category, aliases: dedupe(rule.name, [...(rule.aliases ?? []), ...aliases]), citations: [] });
    }
    for (const id of [...systems.keys()].sort()) {
      const { system, aliases } = systems.get(id)!;
      out.push({ ...system, aliases: dedupe(system.name, aliases) });
    }
    return {
      systems: out,
      idOf(designation: string, description: string): string {
        const id = ids.get(key(designation, description));
        if (id === undefined) throw new Error(`SystemCatalog: designation "${designation}" (${description}) was not added`);
        return id;
      },
    };
  }
}

/** Aliases other than the name, without duplicates by normalised form. */
function dedupe(name: string, aliases: readonly string[]): string[] {
  const seen = new Set([normalizeName(name)]);
  return aliases.filter((a) => {
    const k = normalizeName(a);
    if (k === '' || seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}
