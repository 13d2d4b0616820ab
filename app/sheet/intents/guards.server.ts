import { componentIds, loadCharter } from "~/charter/content";
import type { Charter } from "~/charter/schema";
import { getAssessment } from "~/models/sheet.server";
import { type PostContext, refuse, refuseLocked } from "./context.server";

/**
 * The guards the month's intents check before writing, beyond the route's
 * "is a champion of this organisation". A guard answers either what the
 * intent needs or the refusal to send back instead.
 */

/** A month already started, read under the charter its assessment was made with. */
export type StartedMonth = { assessmentId: number; charter: Charter; ids: string[] };

type Guarded<T> = { ok: true; month: T } | { ok: false; refusal: ReturnType<typeof refuse> };

/** Starting needs an open month; one already started is left as it is (startAssessment). */
export function requireOpenMonth(post: PostContext): Guarded<null> {
  return post.sheet.period.status === "open"
    ? { ok: true, month: null }
    : { ok: false, refusal: refuseLocked() };
}

/**
 * Every other intent writes to a started month (409 before then). Whether it
 * is still a draft is checked by the model, in the write's own transaction.
 */
export async function requireStartedMonth(post: PostContext): Promise<Guarded<StartedMonth>> {
  const assessment = await getAssessment(post.db, {
    organisationId: post.sheet.organisation.id,
    periodId: post.sheet.period.id,
  });
  if (!assessment) {
    const errors = { form: "Start this month's self-assessment first" };
    return { ok: false, refusal: refuse({ form: "locked", errors, values: {} }, 409) };
  }
  const charter = loadCharter({ version: assessment.charter_version });
  return { ok: true, month: { assessmentId: assessment.id, charter, ids: componentIds(charter) } };
}
