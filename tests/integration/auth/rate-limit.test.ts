import { beforeEach, describe, expect, it } from "vitest";
import { clearRateLimit, consumeRateLimit } from "~/models/rate-limit.server";
import { type createDatabase } from "../../../db/dialect";
import { freshDatabasePerTest } from "../../setup/database";

const fresh = freshDatabasePerTest();
let db: ReturnType<typeof createDatabase>;

beforeEach(async () => {
  db = fresh.db;
});

// Five sign-in attempts per email per 15 minutes.
const limit = 5;
const windowSeconds = 15 * 60;
const firstAttempt = new Date("2026-11-23T09:00:00Z");
const at = (seconds: number) => new Date(firstAttempt.getTime() + seconds * 1000);
const attempt = (key: string, seconds: number) =>
  consumeRateLimit(db, { key, limit, windowSeconds, now: at(seconds) });

describe("rate limiting sign-in attempts", () => {
  it("allows the limit, then refuses, saying how long until the window ends", async () => {
    for (let i = 0; i < limit; i++) {
      expect(await attempt("sign-in:sam@nhs.example", i * 10)).toEqual({
        allowed: true,
        retryAfterSeconds: 0,
      });
    }
    expect(await attempt("sign-in:sam@nhs.example", 100)).toEqual({
      allowed: false,
      retryAfterSeconds: windowSeconds - 100,
    });
    expect(await attempt("sign-in:sam@nhs.example", windowSeconds - 1)).toEqual({
      allowed: false,
      retryAfterSeconds: 1,
    });
  });

  it("starts a fresh window once the old one has ended", async () => {
    for (let i = 0; i <= limit; i++) await attempt("sign-in:sam@nhs.example", i);
    expect((await attempt("sign-in:sam@nhs.example", 60)).allowed).toBe(false);

    for (let i = 0; i < limit; i++) {
      expect((await attempt("sign-in:sam@nhs.example", windowSeconds + i)).allowed).toBe(true);
    }
    expect(await attempt("sign-in:sam@nhs.example", windowSeconds + 30)).toEqual({
      allowed: false,
      retryAfterSeconds: windowSeconds - 30,
    });
  });

  it("counts each key on its own", async () => {
    for (let i = 0; i <= limit; i++) await attempt("sign-in:sam@nhs.example", i);
    expect((await attempt("sign-in:sam@nhs.example", 10)).allowed).toBe(false);
    expect((await attempt("sign-in:alex@nhs.example", 10)).allowed).toBe(true);
    expect((await attempt("ip:192.0.2.1", 10)).allowed).toBe(true);
  });

  it("forgets a key when cleared, as after a successful sign-in", async () => {
    for (let i = 0; i <= limit; i++) await attempt("sign-in:sam@nhs.example", i);
    await clearRateLimit(db, { key: "sign-in:sam@nhs.example" });
    expect((await attempt("sign-in:sam@nhs.example", 10)).allowed).toBe(true);
    const rows = await db.selectFrom("rate_limit").selectAll().execute();
    expect(rows).toEqual([
      { key: "sign-in:sam@nhs.example", window_start: at(10).toISOString(), hits: 1 },
    ]);
  });
});
