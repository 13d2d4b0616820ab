// Throwaway: element screenshots for looking closely (not committed).
import { chromium } from "playwright-core";

const base = process.env.BASE ?? "http://127.0.0.1:3917";
const width = Number(process.env.WIDTH ?? 1280);
const [email, path, selector, out] = process.argv.slice(2);
const browser = await chromium.launch({
  executablePath: "/usr/bin/chromium",
  args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"],
});
try {
  const context = await browser.newContext({ viewport: { width, height: 900 } });
  const page = await context.newPage();
  await page.goto(`${base}/sign-in`);
  await page.fill("#email", email!);
  await page.fill("#password", "anchor-charter-demo");
  await Promise.all([page.waitForURL((u) => !u.pathname.startsWith("/sign-in")), page.click("button[type=submit]")]);
  await page.goto(`${base}${path}`);
  await page.waitForTimeout(1500);
  const all = page.locator(selector!);
  const n = await all.count();
  for (let i = 0; i < Math.min(n, 8); i++) {
    await all.nth(i).screenshot({ path: `${out}-${i}.png` });
  }
  console.log(n, "elements");
} finally {
  await browser.close();
}
