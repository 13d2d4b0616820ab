import type { Page } from "playwright-core";

/**
 * Collects, as they happen, what would show a page is broken for its user:
 * CSP violations (from the page's own `securitypolicyviolation` events and the
 * console), uncaught errors, and console errors such as React's hydration
 * mismatches. Failed downloads are left out: the browser reports those for
 * every 404 or 500 it is shown, and for hosts this closed network cannot reach.
 */
export async function watchForPageProblems(page: Page): Promise<string[]> {
  const problems: string[] = [];
  await page.exposeFunction("reportCspViolation", (directive: string, blocked: string) => {
    problems.push(`CSP violation: ${directive} blocked ${blocked}`);
  });
  await page.addInitScript(() => {
    const report = (window as unknown as { reportCspViolation: (d: string, b: string) => void })
      .reportCspViolation;
    document.addEventListener("securitypolicyviolation", (event) => {
      void report(event.violatedDirective, event.blockedURI);
    });
  });
  page.on("pageerror", (error) => problems.push(`Uncaught: ${error.message}`));
  page.on("console", (message) => {
    if (message.type() === "error" && !message.text().startsWith("Failed to load resource")) {
      problems.push(`Console: ${message.text()}`);
    }
  });
  return problems;
}
