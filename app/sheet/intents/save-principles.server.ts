import { redirect } from "@remix-run/node";
import { parseForm } from "~/forms/parse";
import { principlesFieldId, principlesSchema } from "~/forms/sheet-plan";
import { savePrinciples as saveDomainPrinciples } from "~/models/principles.server";
import { type PostContext, refuse, refuseLocked } from "./context.server";
import { requireStartedMonth } from "./guards.server";

/**
 * Saves a domain's cross-cutting principles and note, guarded by the version
 * it was read at: a conflict answers 409 with what the other person saved.
 */
export async function savePrinciples(post: PostContext) {
  const started = await requireStartedMonth(post);
  if (!started.ok) return started.refusal;
  const { assessmentId, charter } = started.month;
  const domains = charter.domains.map((d) => d.number);
  const form = parseForm(
    principlesSchema(domains, charter.crossCuttingPrinciples.length),
    post.formData,
  );
  const domain = Number(form.values.domain);
  if (!form.success) {
    // Keyed by element id, so the error summary links straight to the field.
    const errors = Object.fromEntries(
      Object.entries(form.errors).map(([f, m]) => [principlesFieldId(domain, f), m]),
    );
    return refuse({ form: "principles", domain, errors, values: form.values });
  }
  const result = await saveDomainPrinciples(post.db, {
    assessmentId,
    domainNumber: form.data.domain,
    expectedVersion: form.data.version,
    principlesInPlace: form.data.principles,
    note: form.data.note,
    actor: post.actor,
  });
  if (result.refused === "locked") return refuseLocked();
  if (result.refused === "conflict") {
    return refuse(
      { form: "principles", domain, errors: {}, values: form.values, principles: result.theirs },
      409,
    );
  }
  return redirect(`${post.here}?savedPrinciples=${domain}#${principlesFieldId(domain, "block")}`);
}
