import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { exeBytes, pdfBytes } from "../../fixtures/files";
import type { Visitor } from "../../support/http";
import { addChampion, BLACKPOOL, type SheetApp, startSheetApp } from "./fixture";

/**
 * Evidence as champions and steering groups use it over HTTP: documents
 * uploaded to the sheet (checked by content, size-limited), reused on other
 * components, verified or queried, and shared as good practice.
 */
let s: SheetApp;
let champion: Visitor;
let steering: Visitor;
let blackpoolChampion: Visitor;
let neighbour: Visitor;

const LANCASTER = "Lancaster District Council";
const NEIGHBOUR = "neighbour.champion@example.com";

beforeAll(async () => {
  s = await startSheetApp({ EVIDENCE_MAX_MB: "1" });
  // A champion of another Morecambe Bay organisation: the place's collaborative.
  const lancaster = await s.read.organisationId(LANCASTER);
  await addChampion(s.read, {
    email: NEIGHBOUR,
    name: "Demonstration neighbour",
    organisationId: lancaster,
  });
  champion = await s.signInAs("champion@example.com");
  steering = await s.signInAs("steering@example.com");
  blackpoolChampion = await s.signInAs("champion.blackpool@example.com");
  neighbour = await s.signInAs(NEIGHBOUR);
  demoFiles = await count("select count(*) as n from evidence_file");
  expect((await s.post(champion, s.sheetOf(s.uhmb), { intent: "start" })).status).toBe(302);
}, 60_000);

afterAll(async () => {
  await s?.stop();
});

function upload(
  visitor: Visitor,
  componentId: string,
  name: string,
  bytes: Uint8Array,
  title = "Pay policy",
) {
  const form = new FormData();
  form.set("intent", "addEvidence");
  form.set("componentId", componentId);
  form.set("kind", "file");
  form.set("title", title);
  form.set("file", new File([new Uint8Array(bytes)], name));
  return fetch(`${s.app.url}${s.componentOf(s.uhmb, componentId)}?component=${componentId}`, {
    method: "POST",
    body: form,
    headers: { cookie: visitor.cookie ?? "", origin: s.app.url },
    redirect: "manual",
  });
}

const count = async (sql: string, ...args: unknown[]) =>
  (await s.read.row<{ n: number }>(sql, ...args)).n;
const fileItems = async () =>
  await count("select count(*) as n from evidence_item where kind = 'file'");
// The demo's own documents are stored already: count what the tests add.
let demoFiles = 0;
const storedFiles = async () =>
  (await count("select count(*) as n from evidence_file")) - demoFiles;
const reviewsOfSheet = async () =>
  await count(
    "select count(*) as n from component_review r join component_answer c on c.id = r.component_answer_id where c.assessment_id = ?",
    await assessmentId(),
  );
const assessmentId = async () => (await s.assessmentOf(s.uhmb))?.id ?? 0;
const linked = async (componentId: string) =>
  await s.read.all<{ id: number; kind: string; file_name: string | null }>(
    `select e.id, e.kind, e.file_name from component_evidence ce
     join component_answer c on c.id = ce.component_answer_id
     join evidence_item e on e.id = ce.evidence_item_id
     where c.assessment_id = ? and c.component_id = ? order by e.id`,
    await assessmentId(),
    componentId,
  );

describe("uploading a document to the sheet", () => {
  it("stores a PDF, links it to the component and serves the same bytes back", async () => {
    const response = await upload(champion, "1.1", "Living wage policy.pdf", pdfBytes);
    expect(response.status).toBe(302);
    const [item] = (await linked("1.1")).filter((e) => e.kind === "file");
    expect(item?.file_name).toBe("Living wage policy.pdf");
    const download = await s.get(champion, `/organisations/${s.uhmb}/evidence/${item?.id}`);
    expect(download.status).toBe(200);
    expect(new Uint8Array(await download.arrayBuffer())).toEqual(pdfBytes);
    const page = await (await s.get(champion, s.componentOf(s.uhmb, "1.1"))).text();
    expect(page).toContain(`href="/organisations/${s.uhmb}/evidence/${item?.id}"`);
    // The new item is where the page lands, so the focus can move to it.
    expect(response.headers.get("location")).toContain(`#c1-1-evidence-item-${item?.id}`);
    expect(page).toContain(`id="c1-1-evidence-item-${item?.id}"`);
  });

  it("refuses a program named .pdf, a missing file and an over-size file, each saying why and storing nothing", async () => {
    const before = { items: await fileItems(), files: await storedFiles() };
    const renamed = await upload(champion, "1.2", "invoice.pdf", exeBytes);
    expect(renamed.status).toBe(400);
    expect(await renamed.text()).toContain("content is not a .pdf file");

    const none = new FormData();
    for (const [k, v] of Object.entries({
      intent: "addEvidence",
      componentId: "1.2",
      kind: "file",
      title: "x",
    }))
      none.set(k, v);
    const missing = await fetch(`${s.app.url}${s.componentOf(s.uhmb, "1.2")}?component=1.2`, {
      method: "POST",
      body: none,
      headers: { cookie: champion.cookie ?? "", origin: s.app.url },
      redirect: "manual",
    });
    expect(missing.status).toBe(400);
    expect(await missing.text()).toContain("Select a file to upload");

    const big = new Uint8Array(1_200_000);
    big.set(pdfBytes);
    const tooBig = await upload(champion, "1.2", "big.pdf", big);
    expect(tooBig.status).toBe(413);
    const page = await tooBig.text();
    expect(page).toContain("There is a problem");
    expect(page).toContain("The selected file must be smaller than 1 MB");

    expect({ items: await fileItems(), files: await storedFiles() }).toEqual(before);
    expect((await linked("1.2")).filter((e) => e.kind === "file")).toEqual([]);
  });
});

describe("suggested measures", () => {
  it("offers each domain's outcome measure from the charter when adding a measure", async () => {
    const measure = (componentId: string) =>
      `${s.componentOf(s.uhmb, componentId)}?addEvidence=measure`;
    const page = await (await s.get(champion, measure("1.1"))).text();
    expect(page).toContain("The charter suggests: % of staff paid above the living wage");
    expect(page).toContain(
      '<datalist id="c1-1-evidence-suggested-measures"><option value="% of staff paid above the living wage">',
    );
    // Only the measure's fields: no narrative, address or file to fill in.
    expect(page).not.toContain('name="body"');
    expect(page).not.toContain('name="url"');
    expect(page).not.toContain('type="file"');
    const other = await (await s.get(champion, measure("3.1"))).text();
    expect(other).toContain("The charter suggests: % of affordable housing");
    // The first step asks only for the kind.
    const first = await (await s.get(champion, s.componentOf(s.uhmb, "1.1"))).text();
    expect(first).toContain("What kind of evidence?");
    expect(first).not.toContain('name="measureValue"');
  });
});

describe("reusing evidence", () => {
  it("puts the same document on another component without a second copy", async () => {
    const [item] = (await linked("1.1")).filter((e) => e.kind === "file");
    const response = await s.post(champion, s.componentOf(s.uhmb, "1.3"), {
      intent: "reuseEvidence",
      componentId: "1.3",
      evidenceId: String(item?.id),
    });
    expect(response.status).toBe(302);
    expect((await linked("1.3")).map((e) => e.id)).toContain(item?.id);
    expect(await storedFiles()).toBe(1);
  });

  it("cannot borrow another organisation's evidence by its id", async () => {
    const theirs = await s.read.row<{ id: number }>(
      "select e.id from evidence_item e join organisation o on o.id = e.organisation_id where o.name = ? limit 1",
      BLACKPOOL,
    );
    const before = await linked("1.3");
    const response = await s.post(champion, s.componentOf(s.uhmb, "1.3"), {
      intent: "reuseEvidence",
      componentId: "1.3",
      evidenceId: String(theirs.id),
    });
    expect(response.status).toBe(404);
    expect(await linked("1.3")).toEqual(before);
  });
});

describe("the steering group's review", () => {
  const reviewPath = () => `${s.sheetOf(s.uhmb)}/review/1.1`;
  const answer = async () => await s.answer(await assessmentId(), "1.1");

  it("verifies a fulfilled component; the sheet then shows it verified and counts it in the verified level", async () => {
    const saved = await s.post(champion, s.componentOf(s.uhmb, "1.1"), {
      intent: "save",
      componentId: "1.1",
      version: String((await answer()).version),
      status: "fulfilled",
      opportunities: "",
    });
    expect(saved.status).toBe(302);
    expect((await s.get(steering, reviewPath())).status).toBe(200);
    const reviewed = await s.post(steering, reviewPath(), {
      verdict: "verified",
      comment: "",
      answerVersion: String((await answer()).version),
    });
    expect(reviewed.status).toBe(302);
    const page = await (await s.get(champion, s.componentOf(s.uhmb, "1.1"))).text();
    expect(page).toMatch(/nhsuk-tag--green">Verified<\/strong> by/);
    const overview = await (await s.get(champion, s.sheetOf(s.uhmb))).text();
    expect(overview).toContain("Verified level, counting only components");
    expect(overview).toMatch(/id="task-1.1-status">.*?>Verified<\/strong>/);
    const audit = await s.read.row<{ n: number }>(
      "select count(*) as n from audit_event where action = 'component.reviewed'",
    );
    expect(audit.n).toBe(1);
  });

  it("needs a comment to query, refuses a review of an answer changed meanwhile, and says when a change outdates it", async () => {
    const noComment = await s.post(steering, reviewPath(), {
      verdict: "queried",
      comment: "",
      answerVersion: String((await answer()).version),
    });
    expect(noComment.status).toBe(400);
    expect(await noComment.text()).toContain("Enter what you are querying");

    const seen = (await answer()).version;
    const changed = await s.post(champion, s.componentOf(s.uhmb, "1.1"), {
      intent: "save",
      componentId: "1.1",
      version: String(seen),
      status: "fulfilled",
      opportunities: "Extend to contractors",
    });
    expect(changed.status).toBe(302);
    const stale = await s.post(steering, reviewPath(), {
      verdict: "queried",
      comment: "Which contractors?",
      answerVersion: String(seen),
    });
    expect(stale.status).toBe(409);
    expect(await stale.text()).toContain(
      "The champion changed this component while you were reviewing it",
    );
    const page = await (await s.get(champion, s.componentOf(s.uhmb, "1.1"))).text();
    expect(page).toContain("Changed since review");
    const overview = await (await s.get(champion, s.sheetOf(s.uhmb))).text();
    expect(overview).toMatch(/id="task-1.1-status">.*?>Changed since review<\/strong>/);
    expect(await reviewsOfSheet()).toBe(1);
  });

  it("is the steering group's alone: the champion gets 403 and changes nothing", async () => {
    const response = await s.post(champion, reviewPath(), {
      verdict: "verified",
      comment: "",
      answerVersion: String((await answer()).version),
    });
    expect(response.status).toBe(403);
    expect(await reviewsOfSheet()).toBe(1);
  });
});

describe("sharing evidence as good practice", () => {
  const fileItem = async () => (await linked("1.1")).find((e) => e.kind === "file");
  const download = async (visitor: Visitor) =>
    s.get(visitor, `/organisations/${s.uhmb}/evidence/${(await fileItem())?.id}`);
  const morecambeBay = async () =>
    (await s.read.row<{ id: number }>("select id from place where name = 'Morecambe Bay'")).id;

  it("keeps a document to its organisation until it is shared, then opens it to the place's collaborative only", async () => {
    expect((await download(neighbour)).status).toBe(404);
    const shared = await s.post(
      champion,
      `/organisations/${s.uhmb}/evidence/${(await fileItem())?.id}/share`,
      {
        share: "yes",
        returnTo: `${s.componentOf(s.uhmb, "1.1")}#c1-1-evidence`,
      },
    );
    expect(shared.status).toBe(302);
    expect(shared.headers.get("location")).toBe(`${s.componentOf(s.uhmb, "1.1")}#c1-1-evidence`);

    expect((await download(neighbour)).status).toBe(200);
    // Blackpool is on the Fylde Coast: not this place's collaborative.
    expect((await download(blackpoolChampion)).status).toBe(404);
    const practice = await (
      await s.get(neighbour, `/places/${await morecambeBay()}/good-practice`)
    ).text();
    expect(practice).toContain("Pay policy");
    expect(practice).toContain("for components 1.1, 1.3");
    expect(
      (await s.get(blackpoolChampion, `/places/${await morecambeBay()}/good-practice`)).status,
    ).toBe(404);
  });

  it("can be undone by the champion only, and a return address off the site is ignored", async () => {
    const byNeighbour = await s.post(
      neighbour,
      `/organisations/${s.uhmb}/evidence/${(await fileItem())?.id}/share`,
      { share: "no" },
    );
    expect(byNeighbour.status).toBe(404);
    const byChampion = await s.post(
      champion,
      `/organisations/${s.uhmb}/evidence/${(await fileItem())?.id}/share`,
      {
        share: "no",
        returnTo: "//evil.example/phish",
      },
    );
    expect(byChampion.status).toBe(302);
    expect(byChampion.headers.get("location")).toBe(`/organisations/${s.uhmb}`);
    expect((await download(neighbour)).status).toBe(404);
    const actions = await s.read.all<{ action: string }>(
      "select action from audit_event where action like 'evidence.%shared' order by id",
    );
    expect(actions.map((a) => a.action)).toEqual(["evidence.shared", "evidence.unshared"]);
  });
});

describe("submitting a sheet with a document", () => {
  it("freezes the document's name and the hash of its bytes in the snapshot", async () => {
    const ids = await s.read.all<{ component_id: string; status: string; version: number }>(
      "select component_id, status, version from component_answer where assessment_id = ?",
      await assessmentId(),
    );
    for (const answer of ids.filter((a) => a.status === "not_started")) {
      const saved = await s.post(champion, s.componentOf(s.uhmb, answer.component_id), {
        intent: "save",
        componentId: answer.component_id,
        version: String(answer.version),
        status: "in_progress",
        opportunities: "",
      });
      expect(saved.status).toBe(302);
    }
    expect((await s.post(champion, s.sheetOf(s.uhmb), { intent: "submit" })).status).toBe(302);
    const { snapshot } = await s.read.row<{ snapshot: string }>(
      "select snapshot from assessment_submission where assessment_id = ?",
      await assessmentId(),
    );
    const frozen = JSON.parse(snapshot) as unknown;
    const text = JSON.stringify(frozen);
    const stored = await s.read.row<{ sha256: string }>(
      "select file_sha256 as sha256 from evidence_item where file_name = 'Living wage policy.pdf'",
    );
    expect(text).toContain('"fileName":"Living wage policy.pdf"');
    expect(text).toContain(`"fileSha256":"${stored.sha256}"`);
  });
});
