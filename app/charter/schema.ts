import { z } from "zod";
import { levelRuleSchema, requiredPerDomain } from "./level-rule";

// Whitespace-only text would render as an empty heading or bullet, so it is
// treated the same as "".
const text = z.string().regex(/\S/, "Must not be empty");

// Level ids end up in URLs, database rows and CSS classes.
const slug = z
  .string()
  .regex(
    /^[a-z][a-z0-9-]*$/,
    "Must be lower-case letters, digits and hyphens, starting with a letter",
  );

const positiveInt = z.number().int().min(1);

export const componentSchema = z.strictObject({
  id: text,
  number: positiveInt,
  title: text,
  practices: z.array(text).min(1, "Must list at least one practice"),
});

export const domainSchema = z.strictObject({
  number: positiveInt,
  title: text,
  outcomeMeasures: z.array(text),
  components: z.array(componentSchema).min(1, "Must have at least one component"),
});

export const crossCuttingPrincipleSchema = z.strictObject({
  number: positiveInt,
  summary: text,
  text,
});

export const levelSchema = z.strictObject({
  id: slug,
  name: text,
  description: text,
  rule: levelRuleSchema,
});

// Strict objects everywhere: a misspelt key in hand-edited content (say
// "pratices") should fail loudly rather than be silently dropped.
const charterShape = z.strictObject({
  version: slug,
  title: text,
  issuer: text,
  adopted: z.iso.date(),
  purpose: text,
  domains: z.array(domainSchema).min(1, "Must have at least one domain"),
  crossCuttingPrinciples: z.array(crossCuttingPrincipleSchema),
  levels: z.array(levelSchema).min(1, "Must have at least one level"),
});

/** A problem found by comparing fields. Only its path and message are shown (content.ts). */
function issue(path: (string | number)[], message: string) {
  // Stryker disable next-line StringLiteral: equivalent, as nothing reads an issue's code
  return { code: "custom" as const, path, message };
}

export const charterSchema = charterShape.superRefine((charter, ctx) => {
  const seenIds = new Map<string, string>();
  charter.domains.forEach((domain, d) => {
    if (domain.number !== d + 1) {
      ctx.addIssue(
        issue(
          ["domains", d, "number"],
          `Domains must be numbered 1, 2, 3... in order: expected ${d + 1}, found ${domain.number}`,
        ),
      );
    }
    domain.components.forEach((component, c) => {
      const path = ["domains", d, "components", c];
      if (component.number !== c + 1) {
        ctx.addIssue(
          issue(
            [...path, "number"],
            `Components must be numbered 1, 2, 3... in order within their domain: expected ${c + 1}, found ${component.number}`,
          ),
        );
      }
      const expectedId = `${domain.number}.${component.number}`;
      if (component.id !== expectedId) {
        ctx.addIssue(
          issue(
            [...path, "id"],
            `Component id must be "<domain number>.<component number>": expected "${expectedId}", found "${component.id}"`,
          ),
        );
      }
      const firstAt = seenIds.get(component.id);
      if (firstAt !== undefined) {
        ctx.addIssue(
          issue(
            [...path, "id"],
            `Duplicate component id "${component.id}" (first used at ${firstAt})`,
          ),
        );
      } else {
        seenIds.set(component.id, path.join("."));
      }
    });
  });

  charter.crossCuttingPrinciples.forEach((principle, p) => {
    if (principle.number !== p + 1) {
      ctx.addIssue(
        issue(
          ["crossCuttingPrinciples", p, "number"],
          `Principles must be numbered 1, 2, 3... in order: expected ${p + 1}, found ${principle.number}`,
        ),
      );
    }
  });

  const seenLevels = new Set<string>();
  charter.levels.forEach((level, l) => {
    if (seenLevels.has(level.id)) {
      ctx.addIssue(issue(["levels", l, "id"], `Duplicate level id "${level.id}"`));
    }
    seenLevels.add(level.id);
  });

  // Levels are listed lowest first. If a higher level needed fewer components
  // somewhere, an organisation could hold it without the level below, and
  // "the highest level held" would stop meaning anything.
  charter.levels.forEach((level, l) => {
    const below = charter.levels[l - 1];
    if (below === undefined) return;
    for (const domain of charter.domains) {
      const total = domain.components.length;
      if (requiredPerDomain(level.rule, total) < requiredPerDomain(below.rule, total)) {
        ctx.addIssue(
          issue(
            ["levels", l, "rule"],
            `level '${level.id}' needs fewer components than the level below it in domain ${domain.number}`,
          ),
        );
      }
    }
  });
});

export type Charter = z.infer<typeof charterSchema>;
export type Domain = z.infer<typeof domainSchema>;
export type Component = z.infer<typeof componentSchema>;
export type Level = z.infer<typeof levelSchema>;
export type LevelId = Level["id"];
export type { LevelRule } from "./level-rule";
export type CrossCuttingPrinciple = z.infer<typeof crossCuttingPrincipleSchema>;
