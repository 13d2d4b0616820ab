import { recordEvidenceFile } from "~/models/evidence-files.server";
import { storeEvidenceBytes } from "~/evidence/store.server";
import { databaseConfig } from "../../db/config";
import { createDatabase } from "../../db/dialect";

/**
 * Puts an uploaded file into a running app's data, as an upload would leave
 * it: bytes under their hash in the evidence folder, the
 * file and item rows, and a link to the organisation's sheet for the period.
 */
export async function plantFileEvidence(args: {
  /** The app's database and evidence folder (TestDatabase has both). */
  database: { url: string; env: Record<string, string> };
  organisationId: number;
  periodId: number;
  componentId: string;
  fileName: string;
  bytes: Uint8Array;
  mediaType: string;
}): Promise<{ evidenceId: number; sha256: string }> {
  const db = createDatabase(databaseConfig(args.database.url));
  try {
    const stored = await storeEvidenceBytes(args.database.env.EVIDENCE_DIR!, args.bytes);
    return await db.transaction().execute(async (trx) => {
      await recordEvidenceFile(trx, { ...stored, mediaType: args.mediaType });
      const { id: evidenceId } = await trx
        .insertInto("evidence_item")
        .values({
          organisation_id: args.organisationId,
          kind: "file",
          title: `Uploaded ${args.fileName}`,
          file_sha256: stored.sha256,
          file_name: args.fileName,
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const answer = await trx
        .selectFrom("component_answer as c")
        .innerJoin("assessment as a", "a.id", "c.assessment_id")
        .select("c.id")
        .where("a.organisation_id", "=", args.organisationId)
        .where("a.period_id", "=", args.periodId)
        .where("c.component_id", "=", args.componentId)
        .executeTakeFirstOrThrow();
      await trx
        .insertInto("component_evidence")
        .values({ component_answer_id: answer.id, evidence_item_id: evidenceId })
        .execute();
      return { evidenceId, sha256: stored.sha256 };
    });
  } finally {
    await db.destroy();
  }
}
