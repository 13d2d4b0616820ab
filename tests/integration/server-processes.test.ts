import fs from "node:fs";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { DEMO_PASSWORD } from "../../db/seed/demo-ics";
import { createTestDatabase, type TestDatabase } from "../setup/database";
import { type RunningApp, startApp } from "../setup/start-app";
import { signIn, visit } from "../support/http";

/**
 * The server as production runs it: several processes sharing the port
 * (WEB_CONCURRENCY), each with its own event loop, over one database.
 */
let database: TestDatabase;
let app: RunningApp;

beforeAll(async () => {
  database = await createTestDatabase();
  app = await startApp({ ...database.env, WEB_CONCURRENCY: "2" }, { killable: true });
}, 60_000);

afterAll(async () => {
  await app?.stop();
  await database?.cleanup();
});

/** Every process below pid; the server processes are the leaves (tsx › primary › servers). */
function descendants(pid: number): number[] {
  const tasks = `/proc/${pid}/task`;
  if (!fs.existsSync(tasks)) return [];
  const children = fs
    .readdirSync(tasks)
    .flatMap((task) => {
      const file = `${tasks}/${task}/children`;
      return fs.existsSync(file) ? fs.readFileSync(file, "utf8").trim().split(/\s+/) : [];
    })
    .filter(Boolean)
    .map(Number);
  return children.flatMap((child) => [child, ...descendants(child)]);
}
const serverProcesses = () => descendants(app.pid!).filter((pid) => descendants(pid).length === 0);

async function eventually<T>(read: () => T, done: (value: T) => boolean): Promise<T> {
  const until = Date.now() + 15_000;
  for (;;) {
    const value = read();
    if (done(value) || Date.now() > until) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

describe("several server processes on one port (Linux: read from /proc)", () => {
  it("start as many as WEB_CONCURRENCY says, and a session works whichever answers", async () => {
    expect(serverProcesses()).toHaveLength(2);
    const visitor = await signIn(app.url, "place.lead@example.com", DEMO_PASSWORD);
    const statuses = await Promise.all(
      Array.from({ length: 12 }, () => visit(app.url, "/organisations", { visitor })),
    );
    expect(statuses.map((r) => r.status)).toEqual(Array(12).fill(200));
  });

  it("replace a process that dies, and answer as before", async () => {
    const [victim, survivor] = serverProcesses();
    process.kill(victim!, "SIGKILL");
    const after = await eventually(
      serverProcesses,
      (pids) => pids.length === 2 && !pids.includes(victim!),
    );
    expect(after).toHaveLength(2);
    expect(after).toContain(survivor);
    expect(after).not.toContain(victim);
    // A kept-alive connection to the dead process ends with it (as behind any
    // load balancer); new connections reach the living ones.
    const visitor = await signIn(app.url, "steering@example.com", DEMO_PASSWORD).catch(() =>
      signIn(app.url, "steering@example.com", DEMO_PASSWORD),
    );
    expect((await visit(app.url, "/organisations", { visitor })).status).toBe(200);
    expect(app.output()).toMatch(/server process \d+ stopped \(SIGKILL\); starting another/);
  });
});
