import { spawnSync } from "node:child_process";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { startApp } from "../setup/start-app";
import { createTestDatabase } from "../setup/database";
import { visit, type Visitor } from "../support/http";

const root = path.resolve(import.meta.dirname, "../..");
const tsx = path.join(root, "node_modules/.bin/tsx");

function firstAdmin(env: Record<string, string>, ...args: string[]) {
  return spawnSync(tsx, ["server/first-admin-command.ts", ...args], {
    cwd: root,
    env: { ...process.env, ...env },
    encoding: "utf8",
  });
}

describe("a new deployment's first administrator", () => {
  it("is created by one command, and the printed link lets them in to set up their second factor", async () => {
    const database = await createTestDatabase();
    const env = { ...database.env, APP_ORIGIN: "https://anchor.example.nhs.uk" };
    try {
      const refused = firstAdmin(
        env,
        "--system",
        "Lancashire and South Cumbria ICS",
        "--email",
        "not-an-email",
      );
      expect(refused.status).toBe(2);
      expect(refused.stderr).toContain("Give their name with --name");

      const made = firstAdmin(
        env,
        "--system",
        "Lancashire and South Cumbria ICS",
        "--name",
        "Jo Bloggs",
        "--email",
        "jo.bloggs@nhs.example",
      );
      expect(made.status, made.stderr).toBe(0);
      const link = /https:\/\/anchor\.example\.nhs\.uk(\/invitations\/[a-z0-9]+)/.exec(
        made.stdout,
      )?.[1];
      expect(link).toBeDefined();

      // Served over plain http here, so the https origin is left to the printed link.
      const app = await startApp({ ...database.env, SEED_DEMO_DATA: "false" });
      try {
        const visitor: Visitor = { cookie: null };
        expect((await visit(app.url, link!, { visitor })).status).toBe(200);
        const accepted = await visit(app.url, link!, {
          visitor,
          method: "POST",
          form: {
            password: "a long and unguessable phrase",
            confirmPassword: "a long and unguessable phrase",
          },
        });
        expect(accepted.status).toBe(302);
        const admin = await visit(app.url, "/admin", { visitor });
        expect(admin.headers.get("location")).toBe("/account/two-factor?required=1");
      } finally {
        await app.stop();
      }
    } finally {
      await database.cleanup();
    }
  });
});
