import { describe, expect, it } from "vitest";
import { coalescedStream, withoutUnfilledTail } from "~/http/coalesced-stream.server";

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

  it("cuts the NULs React 18 leaves at the end of a buffer a character did not fit", async () => {
    // 2,046 bytes filled: the next character, "■", is 3 bytes and did not fit.
    const view = Buffer.alloc(2048);
    const filled = Buffer.from("a".repeat(2046), "utf8");
    filled.copy(view);
    expect(withoutUnfilledTail(view)).toEqual(filled);
    const stream = coalescedStream();
    const chunks = collect(stream);
    stream.write(view);
    stream.end(Buffer.from("■□□□", "utf8"));
    const out = (await chunks).join("");
    expect(out).not.toContain("\u0000");
    expect(out.endsWith("a■□□□")).toBe(true);
  });

  it("leaves a full buffer, and a short one, exactly as they are", () => {
    const full = Buffer.alloc(2048, "b");
    expect(withoutUnfilledTail(full)).toBe(full);
    const short = Buffer.from("short\u0000", "utf8");
    expect(withoutUnfilledTail(short)).toBe(short);
  });
});
