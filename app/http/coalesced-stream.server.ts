import { Transform } from "node:stream";

/**
 * A pass-through that hands on what is written in one burst as one chunk.
 *
 * React writes a page's shell as a hundred or so small pieces in one go. Remix
 * flushes the response after every piece it reads, and with `compression()`
 * each flush ends a deflate block: a page went over the wire at three times
 * its gzip size. Gathering each burst (everything written before the event
 * loop turns) keeps streaming, since each later Suspense boundary is a burst
 * of its own, but flushes once per burst.
 */
export function coalescedStream(): Transform {
  let pending: Buffer[] = [];
  let scheduled = false;
  const stream = new Transform({
    transform(chunk: Buffer, _encoding, done) {
      pending.push(chunk);
      if (!scheduled) {
        scheduled = true;
        setImmediate(() => {
          scheduled = false;
          handOn();
        });
      }
      done();
    },
    flush(done) {
      handOn();
      done();
    },
  });
  function handOn() {
    if (pending.length === 0) return;
    const burst = pending.length === 1 ? pending[0]! : Buffer.concat(pending);
    pending = [];
    stream.push(burst);
  }
  return stream;
}
