import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { createTestDatabase, type TestDatabase } from "../../setup/database";
import { type RunningApp, startApp } from "../../setup/start-app";
import { lookup, signIn, visit } from "../../support/http";
import { pdfText } from "../../support/pdf";
import { downloadReport } from "../../support/report-download";

/**
 * Issue 19, point 1, as it was found: a champion adds an action to the open
 * month (a draft); a system reader, who may not read that draft, builds the
 * place's annual report including the open month. Nothing of the draft may
 * be in it: not its action, its statuses, its components by domain or its
 * action counts; only that it is not yet submitted.
 */
const UHMB = "University Hospitals of Morecambe Bay NHS Foundation Trust";
const SECRET = "Draft action nobody outside the trust may read";

let database: TestDatabase;
let app: RunningApp;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp({ ...database.env, REPORT_JOB_POLL_MS: "200" });
}, 90_000);

afterAll(async () => {
  await app?.stop();
  await database?.cleanup();
});

describe("a draft in the annual report", () => {
  it("is not a return: the system reader's place report shows its state, never its content", async () => {
    const l = lookup(database.url);
    const uhmb = await l.organisationId(UHMB);
    const placeId = await l.placeId("Morecambe Bay");
    const open = await l.row<{ id: number; label: string }>(
      "select id, label from assessment_period where status = 'open'",
    );
    const draft = await l.row<{ id: number; status: string }>(
      "select id, status from assessment where organisation_id = ? and period_id = ?",
      uhmb,
      open.id,
    );
    expect(draft.status).toBe("draft");
    await l.close();

    const champion = await signIn(app.url, "champion@example.com", DEMO_PASSWORD);
    const added = await visit(app.url, `/organisations/${uhmb}/periods/${open.id}`, {
      visitor: champion,
      method: "POST",
      form: {
        intent: "addAction",
        componentId: "3.2",
        description: SECRET,
        owner: "Estates lead",
        targetDate: "2026-01-31",
      },
    });
    expect(added.status).toBe(302);

    const reader = await signIn(app.url, "system.reader@example.com", DEMO_PASSWORD);
    const refused = await visit(app.url, `/organisations/${uhmb}/periods/${open.id}`, {
      visitor: reader,
    });
    expect(refused.status).toBe(403);

    const { bytes } = await downloadReport(app.url, reader, {
      scope: `place:${placeId}`,
      year: "2026",
      provisional: "yes",
      format: "pdf",
    });
    const text = await pdfText(bytes);
    expect(text).not.toContain(SECRET);
    expect(text).not.toContain("Estates lead");
    // The trust's appendix page: its state for the month, and none of the draft's figures.
    const page = text.slice(text.lastIndexOf(UHMB));
    expect(page).toContain(`${open.label} has not been submitted yet`);
    expect(page).not.toContain(`${UHMB}: reporting sheet in short`);
    expect(page).not.toMatch(/Components fulfilled by domain/);
    expect(page).not.toMatch(/Actions: \d+ open/);
  }, 180_000);
});
