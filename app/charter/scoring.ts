import { type LevelRule, requiredPerDomain } from "./level-rule";
import type { Charter, LevelId } from "./schema";

export interface DomainProgress {
  domainNumber: number;
  title: string;
  fulfilled: number;
  total: number;
}

export interface DomainShortfall {
  domainNumber: number;
  title: string;
  more: number;
}

export interface LevelResult {
  level: LevelId | null;
  levelName: string | null;
  byDomain: DomainProgress[];
  nextLevel: null | {
    level: LevelId;
    name: string;
    needs: DomainShortfall[];
  };
}

export interface LevelRequirement {
  level: LevelId;
  name: string;
  description: string;
  perDomain: Array<{ domainNumber: number; required: number; total: number }>;
}

export function levelRequirements(charter: Charter): LevelRequirement[] {
  return charter.levels.map((level) => ({
    level: level.id,
    name: level.name,
    description: level.description,
    perDomain: charter.domains.map((domain) => ({
      domainNumber: domain.number,
      required: requiredPerDomain(level.rule, domain.components.length),
      total: domain.components.length,
    })),
  }));
}

/**
 * The highest level held in every domain, given the ids of the components an
 * organisation has fulfilled. Levels are derived here rather than stored, so a
 * status change or a revised charter can never leave a stale level behind.
 */
export function computeLevel(
  charter: Charter,
  fulfilledComponentIds: Iterable<string>,
): LevelResult {
  const domainOf = new Map<string, number>();
  for (const domain of charter.domains) {
    for (const component of domain.components) {
      domainOf.set(component.id, domain.number);
    }
  }

  const fulfilled = new Set<string>();
  for (const id of fulfilledComponentIds) {
    // Callers validate ids against the charter first, so an unknown id here
    // means a bug (or a status saved against another charter version):
    // silently ignoring it would under-report a level.
    if (!domainOf.has(id)) {
      throw new Error(`Unknown component id "${id}" for charter ${charter.version}`);
    }
    fulfilled.add(id);
  }

  const byDomain: DomainProgress[] = charter.domains.map((domain) => ({
    domainNumber: domain.number,
    title: domain.title,
    fulfilled: domain.components.filter((c) => fulfilled.has(c.id)).length,
    total: domain.components.length,
  }));

  const shortfalls = (rule: LevelRule): DomainShortfall[] =>
    byDomain.map((d) => ({
      domainNumber: d.domainNumber,
      title: d.title,
      more: Math.max(0, requiredPerDomain(rule, d.total) - d.fulfilled),
    }));

  // Content validation guarantees requirements never fall from one level to
  // the next, so the levels held are always a prefix of the list.
  let held: Charter["levels"][number] | null = null;
  for (const level of charter.levels) {
    const needs = shortfalls(level.rule);
    if (needs.some((n) => n.more > 0)) {
      return {
        level: held?.id ?? null,
        levelName: held?.name ?? null,
        byDomain,
        nextLevel: { level: level.id, name: level.name, needs },
      };
    }
    held = level;
  }

  // Every level is held here, and content has at least one, so `held` is set.
  return {
    // Stryker disable next-line OptionalChaining: equivalent, held is set (above)
    level: held?.id ?? null,
    // Stryker disable next-line OptionalChaining: equivalent, held is set (above)
    levelName: held?.name ?? null,
    byDomain,
    nextLevel: null,
  };
}
