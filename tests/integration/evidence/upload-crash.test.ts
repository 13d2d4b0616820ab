import { createHash } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { type RunningApp, startApp } from "../../setup/start-app";
import { createTestDatabase, openSql, type TestDatabase } from "../../setup/database";
import { signIn, visit } from "../../support/http";
import { multipart } from "../../support/multipart";
import { UHMB } from "../sheet/fixture";

let database: TestDatabase;
const running: RunningApp[] = [];

beforeAll(async () => {
  database = await createTestDatabase("anchor-upload-crash-");
});

afterAll(async () => {
  for (const app of running) await app.stop();
  await database?.cleanup();
});

async function start() {
  const app = await startApp(database.env, { killable: true });
  running.push(app);
  return app;
}

/** A distinct PDF of about 4 MB: large enough that writing it takes a moment. */
function bigPdf(n: number): Uint8Array<ArrayBuffer> {
  const bytes = new Uint8Array(4 * 1024 * 1024);
  bytes.set(new TextEncoder().encode(`%PDF-1.4\n% upload ${n}\n`));
  bytes.fill(0x20 + (n % 90), 64);
  return bytes;
}

describe("killing the server in the middle of uploads", () => {
  it("never stops it starting again, and every acknowledged upload is whole", async () => {
    let app = await start();
    const setup = openSql(database.url);
    const organisationId = (
      await setup.one<{ id: number }>("select id from organisation where name = ?", UHMB)
    ).id;
    const periodId = (
      await setup.one<{ id: number }>("select id from assessment_period where status = 'open'")
    ).id;
    await setup.run(
      "delete from assessment where organisation_id = ? and period_id = ?",
      organisationId,
      periodId,
    );
    await setup.close();
    const sheet = `/organisations/${organisationId}/periods/${periodId}`;
    let champion = await signIn(app.url, "champion@example.com", DEMO_PASSWORD);
    expect(
      (
        await visit(app.url, sheet, {
          visitor: champion,
          method: "POST",
          form: { intent: "start" },
        })
      ).status,
    ).toBe(302);

    const acknowledged: string[] = [];
    const send = (n: number) => {
      const bytes = bigPdf(n);
      const body = multipart(
        { intent: "addEvidence", componentId: "1.1", kind: "file", title: `Upload ${n}` },
        { name: `upload-${n}.pdf`, type: "application/pdf", bytes },
      );
      // Evidence is added on the component's own page (ADR 026).
      return fetch(`${app.url}${sheet}/components/1.1`, {
        method: "POST",
        headers: {
          origin: app.url,
          cookie: champion.cookie ?? "",
          "content-type": body.type ?? "",
        },
        body: body.body,
        redirect: "manual",
      }).then(
        (response) => {
          if (response.status === 302)
            acknowledged.push(createHash("sha256").update(bytes).digest("hex"));
        },
        () => undefined, // cut off by the kill
      );
    };
    // One upload finished before any kill, so there is always an acknowledged one to look for.
    await send(0);
    expect(acknowledged).toHaveLength(1);
    for (let round = 1; round <= 3; round += 1) {
      const uploads = Array.from({ length: 6 }, (_, i) => send(round * 10 + i));
      // Kill while the uploads are being read and written, at a different moment each round.
      await new Promise((resolve) => setTimeout(resolve, round * 250));
      await app.kill();
      await Promise.all(uploads);

      app = await start();
      champion = await signIn(app.url, "champion@example.com", DEMO_PASSWORD);
      const db = openSql(database.url);
      if (!db.postgres)
        expect(await db.one("pragma integrity_check")).toEqual({ integrity_check: "ok" });
      for (const sha256 of acknowledged) {
        expect(
          await db.one("select count(*) as n from evidence_item where file_sha256 = ?", sha256),
        ).toEqual({ n: 1 });
        const stored = path.join(
          database.env.EVIDENCE_DIR!,
          sha256.slice(0, 2),
          sha256.slice(2, 4),
          sha256,
        );
        expect(createHash("sha256").update(fs.readFileSync(stored)).digest("hex")).toBe(sha256);
      }
      await db.close();
    }
    const page = await visit(app.url, sheet, { visitor: champion });
    expect(page.status).toBe(200);
    // Four starts and sign-ins: on a busy two-core machine (CI runs two suites at once) 30 s was short.
  }, 180_000);
});
