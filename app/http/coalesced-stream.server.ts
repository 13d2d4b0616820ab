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
      pending.push(withoutUnfilledTail(chunk));
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

/** The size of the buffer React's server renderer fills and hands on. */
const REACT_VIEW_SIZE = 2048;

/**
 * React 18.3's server renderer, when a character of several bytes does not
 * fit at the end of its 2,048-byte buffer, hands on the whole buffer, its
 * unfilled last bytes included: NULs in the middle of the page ("■\0\0□").
 * Those bytes are never text (a character is at most four bytes, so at most
 * three are left unfilled, and no page ends a buffer with NUL otherwise), so
 * they are cut off here. React 19 hands on only the filled part.
 */
export function withoutUnfilledTail(chunk: Buffer): Buffer {
  if (chunk.length !== REACT_VIEW_SIZE || chunk[REACT_VIEW_SIZE - 1] !== 0) return chunk;
  let end = REACT_VIEW_SIZE;
  while (end > REACT_VIEW_SIZE - 3 && chunk[end - 1] === 0) end--;
  return chunk.subarray(0, end);
}
