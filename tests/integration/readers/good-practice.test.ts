import { describe, expect, it } from "vitest";
import { SHARED_PRACTICE_PAGE, sharedPracticeForPlace } from "~/models/shared-practice.server";
import { freshDatabasePerTest } from "../../setup/database";

describe("good practice for a place, a page at a time", () => {
  const state = freshDatabasePerTest();

  async function setUp() {
    const db = state.db;
    const insert = async <T extends "system" | "place" | "organisation" | "assessment_period">(
      table: T,
      values: Record<string, unknown>,
    ) =>
      (
        await db
          .insertInto(table)
          .values(values as never)
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id as number;
    const systemId = await insert("system", { name: "ICS" });
    const bay = await insert("place", { system_id: systemId, name: "Bay" });
    const fylde = await insert("place", { system_id: systemId, name: "Fylde" });
    const organisation = (name: string, placeId: number | null) =>
      insert("organisation", { system_id: systemId, place_id: placeId, name, type: "nhs_trust" });
    const trust = await organisation("Bay Trust", bay);
    const ambulance = await organisation("North West Ambulance", null);
    const neighbour = await organisation("Fylde Council", fylde);
    const months = ["2026-09-01", "2026-10-01"];
    const periods = [];
    for (const startsOn of months) {
      periods.push(
        await insert("assessment_period", {
          system_id: systemId,
          label: startsOn.slice(0, 7),
          starts_on: startsOn,
          ends_on: `${startsOn.slice(0, 8)}28`,
          status: "open",
        }),
      );
    }
    // A return per month, its 16 answers made month by month (as the app does).
    const answersOf = async (organisationId: number, periodId: number) => {
      const { id } = await db
        .insertInto("assessment")
        .values({
          organisation_id: organisationId,
          period_id: periodId,
          charter_version: "2021",
          status: "draft",
        })
        .returning("id")
        .executeTakeFirstOrThrow();
      const ids = new Map<string, number>();
      for (const componentId of ["1.1", "2.1", "3.1"]) {
        const answer = await db
          .insertInto("component_answer")
          .values({
            assessment_id: id,
            component_id: componentId,
            status: "in_progress",
            opportunities: "",
          })
          .returning("id")
          .executeTakeFirstOrThrow();
        ids.set(componentId, answer.id);
      }
      return ids;
    };
    const item = async (organisationId: number, title: string, sharedAt: string | null) =>
      (
        await db
          .insertInto("evidence_item")
          .values({
            organisation_id: organisationId,
            kind: "narrative",
            title,
            body: "What we did",
            shared_at: sharedAt,
          })
          .returning("id")
          .executeTakeFirstOrThrow()
      ).id;
    const cite = (answerId: number, itemId: number) =>
      db
        .insertInto("component_evidence")
        .values({ component_answer_id: answerId, evidence_item_id: itemId })
        .execute();
    return { db, systemId, bay, trust, ambulance, neighbour, periods, answersOf, item, cite };
  }

  it("gives each item the components of its newest citation, not every month's", async () => {
    const f = await setUp();
    const september = await f.answersOf(f.trust, f.periods[0]!);
    const october = await f.answersOf(f.trust, f.periods[1]!);
    const garden = await f.item(f.trust, "Community garden", "2026-10-02T09:00:00.000Z");
    // Cited for 1.1 in September; carried to 2.1 and 3.1 in October.
    await f.cite(september.get("1.1")!, garden);
    await f.cite(october.get("2.1")!, garden);
    await f.cite(october.get("3.1")!, garden);
    const never = await f.item(f.trust, "Shared, never cited", "2026-10-01T09:00:00.000Z");

    const { items, more } = await sharedPracticeForPlace(f.db, {
      placeId: f.bay,
      systemId: f.systemId,
      limit: SHARED_PRACTICE_PAGE,
    });
    expect(more).toBe(false);
    expect(items.map((i) => [i.id, i.componentIds])).toEqual([
      [garden, ["2.1", "3.1"]],
      [never, []],
    ]);
  });

  it("lists the place's and the system-wide organisations' shared items, newest first, a page at a time", async () => {
    const f = await setUp();
    const made: number[] = [];
    for (let i = 0; i < 25; i++) {
      const owner = i % 5 === 0 ? f.ambulance : f.trust;
      const day = String(1 + i).padStart(2, "0");
      made.push(await f.item(owner, `Practice ${i}`, `2026-10-${day}T09:00:00.000Z`));
    }
    await f.item(f.trust, "Kept to ourselves", null);
    await f.item(f.neighbour, "Another place's", "2026-10-30T09:00:00.000Z");

    const page = (offset: number) =>
      sharedPracticeForPlace(f.db, { placeId: f.bay, systemId: f.systemId, limit: 20, offset });
    const first = await page(0);
    expect(first.more).toBe(true);
    expect(first.items.map((i) => i.id)).toEqual(made.slice(5).reverse());
    const second = await page(20);
    expect(second.more).toBe(false);
    expect(second.items.map((i) => i.id)).toEqual(made.slice(0, 5).reverse());
    expect(second.items.find((i) => i.organisationId === f.ambulance)?.organisationName).toBe(
      "North West Ambulance",
    );
  });
});
