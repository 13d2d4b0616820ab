import fs from "node:fs";
import { createRequire } from "node:module";
import { type Browser, chromium, type Page } from "playwright-core";

const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";

/** Debian's Chromium: nothing is downloaded, and the closed network is never dialled. */
export function launchBrowser(): Promise<Browser> {
  if (!fs.existsSync(CHROMIUM)) {
    throw new Error(
      `No Chromium at ${CHROMIUM}: apt-get install -y chromium (or set CHROMIUM_PATH)`,
    );
  }
  return chromium.launch({
    executablePath: CHROMIUM,
    args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
  });
}

const axeSource = fs.readFileSync(
  createRequire(import.meta.url).resolve("axe-core/axe.min.js"),
  "utf8",
);

export type AxeViolation = { id: string; impact: string | null; help: string; nodes: string[] };

const wcagTags = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22a", "wcag22aa"];

/**
 * Runs axe-core's WCAG 2.0, 2.1 and 2.2 A and AA rules on the page as it stands.
 * axe needs JavaScript (its timers do not run where scripts are disabled), so a
 * page opened without it is checked as served: its markup, less the scripts
 * that never ran, is replayed at the same address in a scratch page with
 * JavaScript on, where the app's stylesheets load as they did for the user.
 */
export async function accessibilityViolations(page: Page): Promise<AxeViolation[]> {
  // Remix's inline context script sets this global; it is absent only where scripts never ran.
  const scriptsRan = await page.evaluate(() => "__remixContext" in window);
  if (scriptsRan) return runAxe(page);
  const markup = (await page.content()).replace(/<script\b[\s\S]*?<\/script>/gi, "");
  const scratch = await page.context().browser()!.newContext();
  try {
    const copy = await scratch.newPage();
    await copy.route(page.url(), (route) =>
      route.fulfill({ body: markup, contentType: "text/html; charset=utf-8" }),
    );
    await copy.goto(page.url());
    return await runAxe(copy);
  } finally {
    await scratch.close();
  }
}

/**
 * axe goes in through the DevTools protocol (page.evaluate), which the page's
 * Content-Security-Policy does not govern: a <script> tag would need the CSP
 * switched off, and then a policy that breaks the app would pass every test.
 */
async function runAxe(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(axeSource);
  return page.evaluate(async (tags) => {
    type AxeResult = {
      violations: Array<{
        id: string;
        impact: string | null;
        help: string;
        nodes: Array<{ target: string[] }>;
      }>;
    };
    const axe = (
      window as unknown as { axe: { run: (ctx: Document, opts: object) => Promise<AxeResult> } }
    ).axe;
    const result = await axe.run(document, { runOnly: { type: "tag", values: tags } });
    return result.violations.map((v) => ({
      id: v.id,
      impact: v.impact,
      help: v.help,
      nodes: v.nodes.map((n) => n.target.join(" ")),
    }));
  }, wcagTags);
}

/**
 * Waits until every chart on the page is drawn (chart.js is fetched once the
 * page runs), so what is checked next sees the page as its reader does. A
 * page served without JavaScript has no canvas to wait for: its tables stand in.
 */
export async function chartsDrawn(page: Page): Promise<number> {
  if (!(await page.evaluate(() => "__remixContext" in window))) return 0;
  const figures = page.locator("figure.app-chart");
  const count = await figures.count();
  for (let i = 0; i < count; i++) {
    await figures.nth(i).locator('canvas[data-chart-drawn="true"]').waitFor();
  }
  return count;
}
