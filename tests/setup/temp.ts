import fs from "node:fs";
import os from "node:os";
import path from "node:path";

/** A fresh directory for one test's database files, removed by the returned cleanup. */
export function makeTempDir(prefix = "anchor-test-") {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  return { dir, cleanup: () => fs.rmSync(dir, { recursive: true, force: true }) };
}
