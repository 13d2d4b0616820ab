import { z } from "zod";
import type { SheetSource } from "./reporting-sheet";

/**
 * A submission's frozen snapshot (written by app/models/submissions.server.ts)
 * read back for the reporting sheet. Read leniently: a snapshot is history, so
 * a field missing from an older one reads as empty rather than losing the page.
 */

const evidence = z.object({
  id: z.number(),
  kind: z.enum(["narrative", "link", "measure", "file"]),
  title: z.string(),
  body: z.string().nullish(),
  url: z.string().nullish(),
  measureValue: z.union([z.number(), z.string()]).nullish(),
  measureUnit: z.string().nullish(),
  measureDate: z.string().nullish(),
  fileName: z.string().nullish(),
});

const answer = z.object({
  componentId: z.string(),
  status: z.string(),
  opportunities: z.string().catch(""),
  practicesInPlace: z.array(z.number()).catch([]),
  evidence: z.array(evidence).catch([]),
});

/** An outcome figure with the definition it answered (ADR 040); older snapshots have none. */
const outcome = z.object({
  measureId: z.number(),
  version: z.number().catch(1),
  name: z.string(),
  definition: z.string().catch(""),
  kind: z.enum(["ratio", "total"]),
  unit: z.string().catch(""),
  numeratorLabel: z.string().nullable().catch(null),
  denominatorLabel: z.string().nullable().catch(null),
  componentIds: z.array(z.string()).catch([]),
  numerator: z.number(),
  denominator: z.number().nullable().catch(null),
  source: z.string().catch(""),
  note: z.string().catch(""),
});

const plan = z.object({
  answers: z.array(answer),
  principles: z
    .record(
      z.string(),
      z.object({ principlesInPlace: z.array(z.number()).catch([]), note: z.string().catch("") }),
    )
    .catch({}),
  actions: z
    .record(
      z.string(),
      z.array(
        z.object({
          description: z.string(),
          owner: z.string().nullable().catch(null),
          targetDate: z.string().nullable().catch(null),
        }),
      ),
    )
    .catch({}),
  outcomes: z.array(outcome).catch([]),
});

// The first submissions froze the answers alone, as a list.
const snapshotSchema = z.union([
  plan,
  z.array(answer).transform((answers) => ({ answers, principles: {}, actions: {}, outcomes: [] })),
]);

export type Snapshot = Pick<SheetSource, "answers" | "principles" | "actions"> & {
  outcomes: NonNullable<SheetSource["outcomes"]>;
};

/** The snapshot's answers and plan; null when the stored text is not a snapshot at all. */
export function readSnapshot(stored: unknown): Snapshot | null {
  let value = stored;
  if (typeof stored === "string") {
    try {
      value = JSON.parse(stored);
    } catch {
      return null;
    }
  }
  const parsed = snapshotSchema.safeParse(value);
  if (!parsed.success) return null;
  const principles: Snapshot["principles"] = {};
  for (const [domain, saved] of Object.entries(parsed.data.principles)) {
    principles[Number(domain)] = saved;
  }
  return {
    answers: parsed.data.answers,
    principles,
    actions: parsed.data.actions,
    outcomes: parsed.data.outcomes,
  };
}
