import type { Browser, Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { decodeBase32IgnorePadding, encodeHexLowerCase } from "@oslojs/encoding";
import { DEMO_PASSWORD } from "../../db/seed/demo-ics";
import { currentCode } from "../support/people";
import { accessibilityViolations, launchBrowser } from "./support/browser";

const baseUrl = inject("baseUrl");
let browser: Browser;

beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

async function signInAs(page: Page, email: string, password: string) {
  await page.goto(`${baseUrl}/sign-in`);
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

async function expectAccessible(page: Page) {
  expect(await accessibilityViolations(page)).toEqual([]);
}

describe("an administrator invites a champion", () => {
  for (const javaScriptEnabled of [true, false]) {
    it(`who sets a password from the emailed link and lands on their organisation (JavaScript ${javaScriptEnabled ? "on" : "off"})`, async () => {
      const email = `new.champion.${javaScriptEnabled ? "js" : "nojs"}@example.com`;
      const adminContext = await browser.newContext({ javaScriptEnabled });
      adminContext.setDefaultTimeout(10_000);
      const admin = await adminContext.newPage();
      await signInAs(admin, "admin@example.com", DEMO_PASSWORD);
      await admin.waitForURL(`${baseUrl}/admin`);

      await admin.goto(`${baseUrl}/admin/people/invite`);
      await expectAccessible(admin);
      // Submitting nothing shows the error summary and changes nothing.
      await admin.getByRole("button", { name: "Send invitation" }).click();
      await admin.getByRole("heading", { name: "There is a problem" }).waitFor();
      await expectAccessible(admin);

      await admin.getByLabel("Full name").fill("Nia Newcomer");
      await admin.getByLabel("Email address").fill(email);
      await admin.getByLabel("Champion").check();
      await admin.getByLabel("Organisation").selectOption({ label: "Lancaster District Council" });
      await admin.getByRole("button", { name: "Send invitation" }).click();
      await admin.waitForURL(/\/admin\/people\/\d+\?invitation=outbox/);
      await admin.getByText("Invitation placed in the email outbox").first().waitFor();

      // No Notify key in tests: the email waits in the outbox, which only administrators read.
      await admin.goto(`${baseUrl}/admin/outbox`);
      await expectAccessible(admin);
      const message = admin.locator("section", { hasText: `To ${email}` }).first();
      const body = await message.locator("pre").innerText();
      const link = /https?:\/\/\S+\/invitations\/[a-z2-7]+/.exec(body)?.[0];
      expect(link, body).toBeTruthy();
      await adminContext.close();

      const inviteeContext = await browser.newContext({ javaScriptEnabled });
      inviteeContext.setDefaultTimeout(10_000);
      const invitee = await inviteeContext.newPage();
      await invitee.goto(link as string);
      await invitee.getByRole("heading", { name: "Welcome, Nia Newcomer" }).waitFor();
      await expectAccessible(invitee);
      // A password on the common list is refused with a clear message.
      await invitee.getByLabel("Create a password").fill("passwordpassword");
      await invitee.getByLabel("Enter the password again").fill("passwordpassword");
      await invitee.getByRole("button", { name: "Create account" }).click();
      await invitee.getByText("one of the most commonly used passwords").first().waitFor();

      const passphrase = "tide mill lantern harbour";
      await invitee.getByLabel("Create a password").fill(passphrase);
      await invitee.getByLabel("Enter the password again").fill(passphrase);
      await invitee.getByRole("button", { name: "Create account" }).click();
      // Everyone sets up a second factor first (issue 21): here the authenticator app, whose
      // code the test works out from the key shown, then recovery codes.
      await invitee.waitForURL(/\/account\/two-factor\?required=1$/);
      await invitee.getByText("Set this up to continue").waitFor();
      await expectAccessible(invitee);
      const keyText = await invitee.locator(".app-totp-key").innerText();
      const key = encodeHexLowerCase(decodeBase32IgnorePadding(keyText.replace(/ /g, "")));
      await invitee.getByLabel("Security code").fill(currentCode(key));
      await invitee.getByRole("button", { name: "Turn on" }).click();
      await invitee.waitForURL(/\/account\/recovery-codes\?new=1$/);
      await invitee.getByRole("button", { name: "Make my recovery codes" }).click();
      await invitee.getByRole("heading", { name: "Your recovery codes" }).waitFor();
      await expectAccessible(invitee);
      await invitee.getByRole("link", { name: "I have saved my recovery codes" }).click();
      await invitee.waitForURL(/\/organisations\/\d+$/);
      // With JavaScript the address changes before the new page renders: wait for its heading.
      await invitee
        .getByRole("heading", { level: 1, name: /Lancaster District Council/ })
        .waitFor();
      await expectAccessible(invitee);

      // The link worked once.
      await invitee.goto(link as string);
      await invitee.getByRole("heading", { name: "This link has already been used" }).waitFor();
      await inviteeContext.close();
      // Setting up the second factor adds steps, each checked with axe.
    }, 150_000);
  }
});
