import { describe, expect, it } from "vitest";
import { coalescedStream } from "~/http/coalesced-stream.server";

function collect(stream: ReturnType<typeof coalescedStream>): Promise<string[]> {
  const chunks: string[] = [];
  stream.on("data", (c: Buffer) => chunks.push(c.toString("utf8")));
  return new Promise((resolve) => stream.on("end", () => resolve(chunks)));
}

const nextTurn = () => new Promise((resolve) => setImmediate(resolve));

describe("coalescedStream", () => {
  it("hands on what is written in one burst as one chunk, in order", async () => {
    const stream = coalescedStream();
    const chunks = collect(stream);
    for (let i = 0; i < 100; i++) stream.write(`<p>${i}</p>`);
    await nextTurn();
    stream.end();
    const out = await chunks;
    expect(out).toHaveLength(1);
    expect(out[0]).toBe(Array.from({ length: 100 }, (_, i) => `<p>${i}</p>`).join(""));
  });

  it("keeps streaming: a later burst is a chunk of its own", async () => {
    const stream = coalescedStream();
    const chunks = collect(stream);
    stream.write("shell ");
    stream.write("more shell ");
    await nextTurn();
    await nextTurn();
    stream.write("suspended part");
    stream.end();
    expect(await chunks).toEqual(["shell more shell ", "suspended part"]);
  });

  it("loses nothing written just before the end", async () => {
    const stream = coalescedStream();
    const chunks = collect(stream);
    stream.write("a");
    stream.end("b");
    expect((await chunks).join("")).toBe("ab");
  });
});
