import type { Rollup } from "vite";

type RollupLog = Rollup.RollupLog;

/**
 * Build notices known to be harmless, each for its reason, so a newcomer's
 * first `npm start` shows nothing that looks like an error (issue 22) and a
 * real warning stands out. Anything not named here is printed as before.
 */
export function harmlessBuildNotice(warning: RollupLog, build: { ssr: boolean }): boolean {
  // zod 4 places `@__PURE__` comments where Rollup cannot use them; Rollup drops the comments.
  if (warning.code === "INVALID_ANNOTATION" && /node_modules\/zod\//.test(warning.id ?? "")) {
    return true;
  }
  // Routes with no page of their own (file downloads) have no code for the browser.
  if (warning.code === "EMPTY_BUNDLE") return true;
  // The server's build is one file: the browser's lazily loaded form schemas (ADR 031) are
  // simply part of it. In the browser's build this would mean the lazy load broke: kept there.
  if (
    build.ssr &&
    warning.plugin === "vite:reporter" &&
    /dynamic import will not move module into another chunk/.test(warning.message)
  ) {
    return true;
  }
  return false;
}
