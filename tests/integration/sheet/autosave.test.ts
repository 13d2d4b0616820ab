import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  rootShouldRevalidate,
  sheetShouldRevalidate,
} from "../../../app/components/sheet/sheetClientAction";
import type { SheetActionData } from "../../../app/components/sheet/types";
import type { Visitor } from "../../support/http";
import { singleFetchData } from "../../support/single-fetch";
import { type SheetApp, startSheetApp } from "./fixture";

let s: SheetApp;
let champion: Visitor;
let assessmentId: number;
const componentId = "3.1";

beforeAll(async () => {
  s = await startSheetApp();
  champion = await s.signInAs("champion@example.com");
  await s.post(champion, s.sheetOf(s.uhmb), { intent: "start" });
  assessmentId = (await s.assessmentOf(s.uhmb))!.id;
}, 60_000);

afterAll(async () => {
  await s?.stop();
});

// What the browser's fetcher sends: the Save button's fields, to the single-fetch data URL.
const autosave = (visitor: Visitor, fields: Record<string, string>) =>
  s.post(visitor, `${s.sheetOf(s.uhmb)}.data?autosave=1`, {
    intent: "save",
    componentId,
    ...fields,
  });

describe("autosave posts", () => {
  it("are answered with the new version instead of a redirect, through the same version guard", async () => {
    const before = await s.answer(assessmentId, componentId);
    const saved = await autosave(champion, {
      version: String(before.version),
      status: "in_progress",
      opportunities: "Autosaved plan",
    });
    expect(saved.status).toBe(200);
    const body = await saved.text();
    expect(body).toContain("saved");
    expect(body).toContain(String(before.version + 1));
    expect(await s.answer(assessmentId, componentId)).toMatchObject({
      opportunities: "Autosaved plan",
      version: before.version + 1,
    });

    // The same stale version again is a conflict, as for the Save button.
    const stale = await autosave(champion, {
      version: String(before.version),
      status: "in_progress",
      opportunities: "Typed on a stale tab",
    });
    expect(stale.status).toBe(409);
    expect((await s.answer(assessmentId, componentId)).opportunities).toBe("Autosaved plan");
  });

  it("answer 401 with the message when the session has ended; the Save button still redirects", async () => {
    const version = String((await s.answer(assessmentId, componentId)).version);
    const fields = { version, status: "in_progress", opportunities: "Typed after sign-out" };
    const signedOut = await autosave({ cookie: null }, fields);
    expect(signedOut.status).toBe(401);
    expect(await signedOut.text()).toContain("You have been signed out, so this was not saved");

    const plain = await s.post({ cookie: null }, s.sheetOf(s.uhmb), {
      intent: "save",
      componentId,
      ...fields,
    });
    expect(plain.status).toBe(302);
    expect(plain.headers.get("location")).toMatch(/^\/sign-in\?redirectTo=/);
    expect((await s.answer(assessmentId, componentId)).opportunities).toBe("Autosaved plan");
  });

  it("say whether the sheet must be loaded again: only when the save changed its level or tags", async () => {
    const reloads = async (fields: Record<string, string>) => {
      const version = String((await s.answer(assessmentId, componentId)).version);
      const response = await autosave(champion, { version, ...fields });
      expect(response.status).toBe(200);
      const actionResult = await singleFetchData<SheetActionData>(response);
      const args = { actionResult, defaultShouldRevalidate: true } as Parameters<
        typeof sheetShouldRevalidate
      >[0];
      // The layout never changes with a save: no second request for it.
      expect(rootShouldRevalidate(args)).toBe(false);
      return {
        changesSummary: actionResult?.saved?.changesSummary,
        sheet: sheetShouldRevalidate(args),
      };
    };
    const status = (await s.answer(assessmentId, componentId)).status;
    const other = status === "in_progress" ? "not_started" : "in_progress";
    // Typing: same status, so the level and tags stand.
    expect(await reloads({ status, opportunities: "Typing on" })).toEqual({
      changesSummary: false,
      sheet: false,
    });
    // A new status can move the level: the sheet loads again.
    expect(await reloads({ status: other, opportunities: "Typing on" })).toEqual({
      changesSummary: true,
      sheet: true,
    });
  });
});
