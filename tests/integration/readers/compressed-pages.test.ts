import http from "node:http";
import { gzipSync } from "node:zlib";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Visitor } from "../../support/http";
import { type ReadersFixture, startReadersApp } from "./fixture";

let f: ReadersFixture;
let lead: Visitor;

beforeAll(async () => {
  f = await startReadersApp();
  lead = await f.signInAs("place.lead@example.com");
}, 60_000);

afterAll(async () => {
  await f?.stop();
});

/** The bytes as they cross the wire (fetch would unzip them), asked for as a browser asks. */
function wireBytes(path: string, acceptEncoding: string): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const request = http.get(
      `${f.app.url}${path}`,
      {
        headers: {
          cookie: lead.cookie ?? "",
          "accept-encoding": acceptEncoding,
          // A browser, not a bot: bots get the whole page at once rather than a stream.
          "user-agent": "Mozilla/5.0 (X11; Linux x86_64) Chrome/140.0 Safari/537.36",
        },
      },
      (response) => {
        const chunks: Buffer[] = [];
        response.on("data", (c: Buffer) => chunks.push(c));
        response.on("end", () => resolve(Buffer.concat(chunks)));
        response.on("error", reject);
      },
    );
    request.on("error", reject);
  });
}

describe("streamed pages are compressed as well as the whole page would be", () => {
  it("the place summary's gzip is within a fifth of gzipping the page in one go", async () => {
    const path = `/places/${f.place}`;
    const plain = await wireBytes(path, "identity");
    expect(plain.toString("utf8")).toContain("</html>");
    const wire = await wireBytes(path, "gzip");
    // Flushing after each of React's small writes made a deflate block of each: this
    // page went over the wire at 1.45 times its gzip size, the sheet at 3.2 times.
    // Now it is flushed once per burst (shell, streamed data, end): about 1.1.
    const ideal = gzipSync(plain).length;
    expect(wire.length).toBeLessThan(ideal * 1.2);
  });
});
