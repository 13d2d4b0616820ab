import os from "node:os";
import { describe, expect, it } from "vitest";
import { serverProcessCount } from "../../../server/processes";

describe("how many server processes share the port", () => {
  it("is one per core (at most 8) in production, one in development", () => {
    expect(serverProcessCount({}, true)).toBe(Math.min(os.availableParallelism(), 8));
    expect(serverProcessCount({}, false)).toBe(1);
    expect(serverProcessCount({ WEB_CONCURRENCY: "" }, false)).toBe(1);
  });

  it("is what WEB_CONCURRENCY says, in either mode", () => {
    expect(serverProcessCount({ WEB_CONCURRENCY: "1" }, true)).toBe(1);
    expect(serverProcessCount({ WEB_CONCURRENCY: "3" }, false)).toBe(3);
    expect(serverProcessCount({ WEB_CONCURRENCY: "64" }, true)).toBe(64);
  });

  it.each(["0", "-1", "1.5", "two", "65"])("refuses WEB_CONCURRENCY=%s with a message", (value) => {
    expect(() => serverProcessCount({ WEB_CONCURRENCY: value }, true)).toThrow(
      `WEB_CONCURRENCY must be a whole number from 1 to 64, not "${value}"`,
    );
  });
});
