import { request as httpRequest } from "node:http";
import ExcelJS from "exceljs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../../db/seed/demo-ics";
import { runAppUntilExit, startApp, type RunningApp } from "../../setup/start-app";
import { createTestDatabase, type TestDatabase } from "../../setup/database";
import { lookup, signIn, visit } from "../../support/http";

/**
 * Emailed links never come from the Host header (issue 21, defect 2): a
 * request naming `Host: evil.example` must not turn a reset link into
 * `http://evil.example/reset-password/<token>`. Links come from APP_ORIGIN
 * only; a production start without it refuses, except the demo on this
 * machine, whose links name the address it listens on.
 */
let database: TestDatabase;
let app: RunningApp | undefined;
beforeEach(async () => {
  database = await createTestDatabase();
});
afterEach(async () => {
  await app?.stop();
  app = undefined;
  await database.cleanup();
});

/** A POST as curl sends it: no Origin, and whatever Host the sender likes. */
function postWithHost(
  url: string,
  path: string,
  host: string,
  form: Record<string, string>,
  cookie?: string | null,
) {
  const target = new URL(path, url);
  const body = new URLSearchParams(form).toString();
  return new Promise<number>((resolve, reject) => {
    const req = httpRequest(
      {
        host: target.hostname,
        port: target.port,
        path: target.pathname,
        method: "POST",
        headers: {
          host,
          "content-type": "application/x-www-form-urlencoded",
          "content-length": Buffer.byteLength(body),
          ...(cookie ? { cookie } : {}),
        },
      },
      (res) => {
        res.resume();
        res.on("end", () => resolve(res.statusCode ?? 0));
      },
    );
    req.on("error", reject);
    req.end(body);
  });
}

async function lastOutboxLink(to: string) {
  const l = lookup(database.url);
  try {
    const { outbox_body } = await l.row<{ outbox_body: string }>(
      "select outbox_body from message where to_email = ? order by id desc limit 1",
      to,
    );
    return /\S+\/(reset-password|invitations)\/\S+/.exec(outbox_body)?.[0] ?? outbox_body;
  } finally {
    await l.close();
  }
}

describe("links in emails", () => {
  it("a production start without APP_ORIGIN and without demo data refuses, saying what to set", async () => {
    const result = await runAppUntilExit({
      ...database.env,
      SEED_DEMO_DATA: "false",
      APP_ORIGIN: "",
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain("Refusing to start: APP_ORIGIN is not set.");
    expect(result.output).toContain("APP_ORIGIN=https://");
  });

  it("a start with an APP_ORIGIN that is not an origin refuses", async () => {
    const result = await runAppUntilExit({
      ...database.env,
      SEED_DEMO_DATA: "false",
      APP_ORIGIN: "anchor.example.nhs.uk/app",
    });
    expect(result.code).toBe(1);
    expect(result.output).toContain("APP_ORIGIN must be");
  });

  it("the demo on this machine starts without it, and its links name the address it listens on, whatever Host a request gives", async () => {
    app = await startApp({ ...database.env, APP_ORIGIN: "" });
    const status = await postWithHost(app.url, "/forgot-password", "evil.example", {
      email: "champion@example.com",
    });
    expect(status).toBe(200);
    const link = await lastOutboxLink("champion@example.com");
    expect(link).toMatch(new RegExp(`^${app.url}/reset-password/[a-z2-7]+$`));
  });

  it("with APP_ORIGIN set, reset and invitation links and the Excel template's link use it, whatever Host a request gives", async () => {
    app = await startApp(database.env);
    const origin = app.url;
    expect(
      await postWithHost(app.url, "/forgot-password", "evil.example", {
        email: "steering@example.com",
      }),
    ).toBe(200);
    expect(await lastOutboxLink("steering@example.com")).toMatch(
      new RegExp(`^${origin}/reset-password/[a-z2-7]+$`),
    );

    const admin = await signIn(app.url, "admin@example.com", DEMO_PASSWORD);
    const l = lookup(database.url);
    const organisationId = await l.organisationId("Lancaster District Council");
    const period = await l.row<{ id: number }>(
      "select id from assessment_period where status = 'open'",
    );
    await l.close();
    const invited = await postWithHost(
      app.url,
      "/admin/people/invite",
      "evil.example",
      {
        name: "Hal Host",
        email: "hal.host@nhs.example",
        role: "champion",
        organisationId: String(organisationId),
      },
      admin.cookie,
    );
    expect(invited).toBe(302);
    expect(await lastOutboxLink("hal.host@nhs.example")).toMatch(
      new RegExp(`^${origin}/invitations/[a-z2-7]+$`),
    );

    const champion = await signIn(app.url, "champion@example.com", DEMO_PASSWORD);
    const uhmb = await lookup(database.url);
    const uhmbId = await uhmb.organisationId(
      "University Hospitals of Morecambe Bay NHS Foundation Trust",
    );
    await uhmb.close();
    const template = await visit(
      app.url,
      `/organisations/${uhmbId}/periods/${period.id}/template.xlsx`,
      { visitor: champion, headers: { "x-forwarded-host": "evil.example" } },
    );
    expect(template.status).toBe(200);
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.load(Buffer.from(await template.arrayBuffer()) as never);
    const texts: string[] = [];
    workbook.eachSheet((sheet) =>
      sheet.eachRow((row) => row.eachCell((cell) => texts.push(String(cell.value ?? "")))),
    );
    const importLine = texts.find((t) => t.includes("/import")) ?? "";
    expect(importLine).toContain(`${origin}/organisations/${uhmbId}/periods/${period.id}/import`);
    expect(texts.join("\n")).not.toContain("evil.example");
  }, 60_000);
});
