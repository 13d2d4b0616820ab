// Throwaway screenshot script (not committed): signs in and captures pages at 1280 and 390 px.
import { chromium } from "playwright-core";

const base = process.env.BASE ?? "http://127.0.0.1:3917";
const [email, ...shots] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  for (const width of [1280, 390]) {
    const context = await browser.newContext({ viewport: { width, height: 900 } });
    const page = await context.newPage();
    await page.goto(`${base}/sign-in`);
    await page.fill("#email", email!);
    await page.fill("#password", "anchor-charter-demo");
    await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/sign-in")), page.click("button[type=submit]")]);
    for (const shot of shots) {
      const [name, path] = shot.split("=");
      await page.goto(`${base}${path}`);
      await page.waitForTimeout(1500);
      await page.screenshot({ path: `/work/shots/outcomes/${name}-${width}.png`, fullPage: true });
      console.log(name, width, page.url());
    }
    await context.close();
  }
} finally {
  await browser.close();
}
