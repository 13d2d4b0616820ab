import { chromium } from "playwright-core";
const base = "http://127.0.0.1:3201";
const [email, ...paths] = process.argv.slice(2);
const browser = await chromium.launch({ executablePath: "/usr/bin/chromium", args: ["--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking"] });
const page = await browser.newPage({ viewport: { width: 1200, height: 900 } });
await page.goto(base + "/sign-in");
await page.getByLabel("Email address").fill(email);
await page.getByLabel("Password").fill("anchor-charter-demo");
await page.getByRole("button", { name: /sign in/i }).click();
await page.waitForLoadState("networkidle");
let i = 0;
for (const p of paths) {
  const r = await page.goto(base + p);
  await page.waitForLoadState("networkidle");
  const h = await page.evaluate(() => document.body.scrollHeight);
  console.log(p, r.status(), "height", h);
  await page.screenshot({ path: `/tmp/tasklist/shot${i++}.png`, fullPage: true });
}
await browser.close();
