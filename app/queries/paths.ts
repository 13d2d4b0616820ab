/** Where a champion reads a query and replies to it. */
export function queryPath(args: { organisationId: number; periodId: number; reviewId: number }) {
  return `/organisations/${args.organisationId}/periods/${args.periodId}/queries/${args.reviewId}`;
}

/** Where a reply's evidence opens: a file's download, or a web link; nothing for anything else. */
export function evidenceHref(
  organisationId: number,
  evidence: { id: number; kind: string; url: string | null },
): string | null {
  if (evidence.kind === "file") return `/organisations/${organisationId}/evidence/${evidence.id}`;
  if (evidence.kind === "link" && evidence.url && /^https?:\/\//i.test(evidence.url))
    return evidence.url;
  return null;
}
