import { redirect } from "@remix-run/node";
import { notFound, type requireSheetReader } from "~/auth/guards.server";
import { LIBRARY_SHOWN, loadSheet } from "~/sheet/load.server";
import { componentPath } from "~/sheet/paths";

/**
 * One component's page of the month (ADR 026): what the long sheet showed of
 * it, where it sits among the sixteen, and (for its champions) the
 * organisation's evidence to reuse, searched on the server when long.
 */
export async function loadComponentPage(
  reader: Awaited<ReturnType<typeof requireSheetReader>>,
  componentId: string | undefined,
  search: URLSearchParams,
) {
  const query = (search.get("evidenceSearch") ?? "").trim().slice(0, 100);
  const sheet = await loadSheet(reader, {
    library: componentId ? { componentId, query } : undefined,
  });
  const order = sheet.charter.domains.flatMap((domain) =>
    domain.components.map((component) => ({ domain, component })),
  );
  const index = order.findIndex((c) => c.component.id === componentId);
  if (index < 0) notFound();
  // Nothing to show of a month not started: its overview says so and offers to start it.
  if (!sheet.assessment) throw redirect(sheet.path);
  const { domain, component } = order[index]!;
  const neighbour = (i: number) => {
    const c = order[i]?.component;
    return c ? { id: c.id, title: c.title, path: componentPath(sheet.path, c.id) } : null;
  };
  const previous = neighbour(index - 1);
  const next = neighbour(index + 1);
  const kind = search.get("addEvidence");
  return {
    path: componentPath(sheet.path, component.id),
    sheetPath: sheet.path,
    userId: sheet.userId,
    organisation: sheet.organisation,
    period: sheet.period,
    assessment: sheet.assessment,
    domain: { number: domain.number, title: domain.title },
    component,
    position: index + 1,
    count: order.length,
    previous,
    next,
    nextPath: next ? next.path : `${sheet.path}#check-before-submit`,
    answer: sheet.answers[component.id],
    editable: sheet.editable,
    can: sheet.can,
    library: sheet.library,
    libraryShown: LIBRARY_SHOWN,
    evidenceMaxMegabytes: sheet.evidenceMaxMegabytes,
    addEvidenceKind: kind,
    actions: sheet.plan.actions[component.id] ?? [],
    change: sheet.plan.changes[component.id],
    baseline: sheet.plan.baseline,
  };
}
