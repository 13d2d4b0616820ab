import type { Expect, Ids } from "./principals";
import { everyone, only } from "./principals";

/** What each route answers each visitor. */
export type Row = {
  file: string;
  path: (ids: Ids) => string;
  get: Expect;
  post?: Expect;
  /** The POST ends the visitor's session, so it runs with a session of its own. */
  postEndsSession?: true;
};

// Administration pages serve each administrator their own system, so the
// second system's administrator may use them too (its listings are its own).
const admins = { admin: 200, admin2: 200 } as const;
const adminsPost = { admin: 400, admin2: 400 } as const;
// Place leads of either system manage their own place's organisations and champions.
const manager = { ...admins, placeLead: 200, placeLead2: 200 } as const;
const managerPost = { ...adminsPost, placeLead: 400, placeLead2: 400 } as const;
// The first system's reader reads every place and every organisation's submitted months, and
// changes nothing; the second system's reader is told none of it exists.
const reader = { systemReader: 200 } as const;
// One of the first system's own: the second system's administrator and place lead are told it
// does not exist.
const managerOfFirst = { admin: 200, placeLead: 200, admin2: 404, placeLead2: 404 } as const;
const managerOfFirstPost = { admin: 400, placeLead: 400, admin2: 404, placeLead2: 404 } as const;
// The real (not demo) people signed in all the way, who hold a second factor.
const realFactorHolders = (o: 200 | 400) =>
  ({ admin2: o, placeLead2: o, steering2: o, champion2: o, systemReader2: o }) as const;

export const rows: Row[] = [
  { file: "_index.tsx", path: () => "/", get: everyone(200) },
  { file: "charter.tsx", path: () => "/charter", get: everyone(200) },
  // Signed in, the page's loader sends a visitor home even after a failed post;
  // someone who still owes their code is not signed in yet, and may start again.
  {
    file: "sign-in.tsx",
    path: () => "/sign-in",
    get: { ...everyone("home", 200), codeOwed: 200 },
    post: { ...everyone("home", 400), codeOwed: 400 },
  },
  // Only a session that owes a code is asked for one (an empty code is refused, 400).
  {
    file: "sign-in_.two-factor.tsx",
    path: () => "/sign-in/two-factor",
    get: { ...everyone("home"), signedOut: "/sign-in", codeOwed: 200 },
    post: { ...everyone("home"), signedOut: "/sign-in", codeOwed: 400 },
  },
  {
    file: "sign-out.tsx",
    path: () => "/sign-out",
    get: everyone(200, "out"),
    post: everyone("out"),
    postEndsSession: true,
  },
  {
    file: "forgot-password.tsx",
    path: () => "/forgot-password",
    get: everyone(200),
    post: everyone(400),
  },
  {
    file: "reset-password.$token.tsx",
    path: () => "/reset-password/not-a-real-token",
    get: everyone(410),
    post: everyone(410),
  },
  {
    file: "invitations.$token.tsx",
    path: () => "/invitations/not-a-real-token",
    get: everyone(410),
    post: everyone(410),
  },
  {
    file: "account.tsx",
    path: () => "/account",
    // Open before the second factor is set up, so its owner can still sign out everywhere.
    get: { ...everyone(200, "in"), noFactor: 200 } /* POST: see the last test */,
  },
  {
    file: "account_.two-factor.tsx",
    path: () => "/account/two-factor",
    get: { ...everyone(200, "in"), noFactor: 200 },
    post: { ...everyone(400, "in"), noFactor: 400 },
  },
  { file: "organisations._index.tsx", path: () => "/organisations", get: everyone(200, "in") },
  {
    file: "organisations.$organisationId.tsx",
    path: (i) => `/organisations/${i.uhmb}`,
    get: only({ admin: 200, placeLead: 200, steering: 200, champion: 200, ...reader }, 404),
  },
  // An empty POST: the champion's is refused as incomplete (400); readers may not post (403).
  // The month is work in progress: the system reader may not read it yet (403).
  {
    file: "organisations.$organisationId_.periods.$periodId.tsx",
    path: (i) => `/organisations/${i.uhmb}/periods/${i.openPeriod}`,
    get: only({ admin: 200, placeLead: 200, steering: 200, champion: 200, systemReader: 403 }, 404),
    post: only(
      { admin: 403, placeLead: 403, steering: 403, champion: 400, systemReader: 403 },
      404,
    ),
  },
  // The month as a document, read-only: whoever reads the sheet; a draft is not the system reader's.
  {
    file: "organisations.$organisationId_.periods.$periodId_.reporting-sheet.tsx",
    path: (i) => `/organisations/${i.uhmb}/periods/${i.openPeriod}/reporting-sheet`,
    get: only({ admin: 200, placeLead: 200, steering: 200, champion: 200, systemReader: 403 }, 404),
  },
  {
    file: "organisations.$organisationId_.periods.$periodId_.reporting-sheet[.]pdf.tsx",
    path: (i) => `/organisations/${i.uhmb}/periods/${i.openPeriod}/reporting-sheet.pdf`,
    get: only({ admin: 200, placeLead: 200, steering: 200, champion: 200, systemReader: 403 }, 404),
  },
  {
    file: "organisations.$organisationId_.periods.$periodId_.reporting-sheet[.]docx.tsx",
    path: (i) => `/organisations/${i.uhmb}/periods/${i.openPeriod}/reporting-sheet.docx`,
    get: only({ admin: 200, placeLead: 200, steering: 200, champion: 200, systemReader: 403 }, 404),
  },
  // A past submission is a month as it stood submitted: the system reader reads it even
  // though UHMB's month is a draft again here (as after a reopening).
  {
    file: "organisations.$organisationId_.submissions.$submissionId.tsx",
    path: (i) => `/organisations/${i.uhmb}/submissions/${i.uhmbSubmission}`,
    get: only({ admin: 200, placeLead: 200, steering: 200, champion: 200, ...reader }, 404),
  },
  {
    file: "organisations.$organisationId_.submissions.$submissionId[.]pdf.tsx",
    path: (i) => `/organisations/${i.uhmb}/submissions/${i.uhmbSubmission}.pdf`,
    get: only({ admin: 200, placeLead: 200, steering: 200, champion: 200, ...reader }, 404),
  },
  {
    file: "organisations.$organisationId_.submissions.$submissionId[.]docx.tsx",
    path: (i) => `/organisations/${i.uhmb}/submissions/${i.uhmbSubmission}.docx`,
    get: only({ admin: 200, placeLead: 200, steering: 200, champion: 200, ...reader }, 404),
  },
  // The sheet as an Excel template: for whoever reads the month (a system reader only once submitted).
  {
    file: "organisations.$organisationId_.periods.$periodId_.template[.]xlsx.tsx",
    path: (i) => `/organisations/${i.uhmb}/periods/${i.openPeriod}/template.xlsx`,
    get: only({ admin: 200, placeLead: 200, steering: 200, champion: 200, systemReader: 403 }, 404),
  },
  // Uploading a filled template is the organisation's champions' (an empty form is refused, 400).
  {
    file: "organisations.$organisationId_.periods.$periodId_.import.tsx",
    path: (i) => `/organisations/${i.uhmb}/periods/${i.openPeriod}/import`,
    get: only({ admin: 403, placeLead: 403, steering: 403, champion: 200, systemReader: 403 }, 404),
    post: only(
      { admin: 403, placeLead: 403, steering: 403, champion: 400, systemReader: 403 },
      404,
    ),
  },
  // A component's own page of the month: read as the overview is; only champions post (ADR 026).
  {
    // The month's outcome figures (issue 23): read as the month is, entered by its champions.
    file: "organisations.$organisationId_.periods.$periodId_.outcomes.tsx",
    path: (i) => `/organisations/${i.uhmb}/periods/${i.openPeriod}/outcomes`,
    get: only({ admin: 200, placeLead: 200, steering: 200, champion: 200, systemReader: 403 }, 404),
    post: only(
      { admin: 403, placeLead: 403, steering: 403, champion: 400, systemReader: 403 },
      404,
    ),
  },
  {
    // An organisation's own target for a measure is its champions' to set; its readers may not.
    file: "organisations.$organisationId_.targets.$measureId.tsx",
    path: (i) => `/organisations/${i.uhmb}/targets/${i.measure}`,
    get: only({ admin: 403, placeLead: 403, steering: 403, champion: 200, systemReader: 403 }, 404),
    post: only(
      { admin: 403, placeLead: 403, steering: 403, champion: 400, systemReader: 403 },
      404,
    ),
  },
  {
    file: "organisations.$organisationId_.periods.$periodId_.components.$componentId.tsx",
    path: (i) => `/organisations/${i.uhmb}/periods/${i.openPeriod}/components/1.1`,
    get: only({ admin: 200, placeLead: 200, steering: 200, champion: 200, systemReader: 403 }, 404),
    post: only(
      { admin: 403, placeLead: 403, steering: 403, champion: 400, systemReader: 403 },
      404,
    ),
  },
  // Reopening is the place lead's or an administrator's; an empty reason is refused (400).
  {
    file: "organisations.$organisationId_.periods.$periodId_.reopen.tsx",
    path: (i) => `/organisations/${i.uhmb}/periods/${i.openPeriod}/reopen`,
    get: {
      ...only({ admin: 200, placeLead: 200 }, 404),
      steering: 403,
      champion: 403,
      systemReader: 403,
    },
    post: {
      ...only({ admin: 400, placeLead: 400 }, 404),
      steering: 403,
      champion: 403,
      systemReader: 403,
    },
  },
  // A file backing only a month in progress: not the system reader's (see the submitted one below).
  {
    file: "organisations.$organisationId_.evidence.$evidenceId.tsx",
    path: (i) => `/organisations/${i.uhmb}/evidence/${i.uhmbFile}`,
    get: only({ admin: 200, placeLead: 200, steering: 200, champion: 200 }, 404),
  },
  {
    file: "organisations.$organisationId_.periods.$periodId_.evidence[.]zip.tsx",
    path: (i) => `/organisations/${i.uhmb}/periods/${i.uhmbPeriod}/evidence.zip`,
    // Readers who are not the organisation's champions may fetch files one by one.
    get: {
      ...only({ admin: 200, champion: 200 }, 404),
      placeLead: 403,
      steering: 403,
      systemReader: 403,
    },
  },
  {
    file: "organisations.$organisationId_.periods.$periodId_.review.$componentId.tsx",
    path: (i) => `/organisations/${i.uhmb}/periods/${i.uhmbPeriod}/review/1.1`,
    // Verifying is the steering group's; administrators read but do not verify.
    get: {
      ...only({ placeLead: 200, steering: 200 }, 404),
      admin: 403,
      champion: 403,
      systemReader: 403,
    },
    post: {
      ...only({ placeLead: 400, steering: 400 }, 404),
      admin: 403,
      champion: 403,
      systemReader: 403,
    },
  },
  // A query is read by whoever reads its month (a system reader: the month stands submitted);
  // only the organisation's champions reply (an empty reply is refused, 400).
  {
    file: "organisations.$organisationId_.periods.$periodId_.queries.$reviewId.tsx",
    path: (i) => `/organisations/${i.uhmb}/periods/${i.uhmbSubmitted}/queries/${i.uhmbQuery}`,
    get: only({ admin: 200, placeLead: 200, steering: 200, champion: 200, systemReader: 200 }, 404),
    post: {
      ...only({ champion: 400 }, 404),
      admin: 403,
      placeLead: 403,
      steering: 403,
      systemReader: 403,
    },
  },
  {
    file: "organisations.$organisationId_.evidence.$evidenceId_.share.tsx",
    path: (i) => `/organisations/${i.uhmb}/evidence/${i.uhmbFile}/share`,
    // An action only: a GET is refused with 405 in words, for everyone, and runs nothing.
    get: everyone(405),
    post: {
      ...only({ champion: 400 }, 404),
      admin: 403,
      placeLead: 403,
      steering: 403,
      systemReader: 403,
    },
  },
  {
    file: "places.$placeId_.good-practice.tsx",
    path: (i) => `/places/${i.morecambeBay}/good-practice`,
    get: only({ admin: 200, placeLead: 200, steering: 200, champion: 200, ...reader }, 404),
  },
  { file: "places._index.tsx", path: () => "/places", get: everyone(200, "in") },
  {
    file: "places.$placeId.tsx",
    path: (i) => `/places/${i.morecambeBay}`,
    get: only({ admin: 200, placeLead: 200, steering: 200, ...reader }, 404),
  },
  // Reminding is the place lead's or an administrator's; the rest of the place's collaborative
  // is refused (403), everyone else told it does not exist. An empty form is refused (400).
  {
    file: "places.$placeId_.reminders.tsx",
    path: (i) => `/places/${i.morecambeBay}/reminders`,
    get: {
      ...only({ admin: 200, placeLead: 200 }, 404),
      steering: 403,
      champion: 403,
      systemReader: 403,
    },
    post: {
      ...only({ admin: 400, placeLead: 400 }, 404),
      steering: 403,
      champion: 403,
      systemReader: 403,
    },
  },
  // The review queue is for those who verify in the place (its steering group and lead); the rest
  // of its collaborative is refused (403), everyone else told it does not exist. An empty form
  // (no intent, nothing to verify) is refused (400).
  {
    file: "places.$placeId_.reviews.tsx",
    path: (i) => `/places/${i.morecambeBay}/reviews`,
    get: {
      ...only({ placeLead: 200, steering: 200 }, 404),
      admin: 403,
      champion: 403,
      systemReader: 403,
    },
    post: {
      ...only({ placeLead: 400, steering: 400 }, 404),
      admin: 403,
      champion: 403,
      systemReader: 403,
    },
  },
  {
    file: "systems.$systemId.tsx",
    path: (i) => `/systems/${i.system}`,
    get: only({ admin: 200, ...reader }, 404),
  },
  {
    // A measure's page for a place (issue 23): its organisations side by side.
    file: "places.$placeId_.measures.$measureId.tsx",
    path: (i) => `/places/${i.morecambeBay}/measures/${i.measure}`,
    get: only({ admin: 200, placeLead: 200, steering: 200, ...reader }, 404),
  },
  {
    // And for the system: its places side by side.
    file: "systems.$systemId_.measures.$measureId.tsx",
    path: (i) => `/systems/${i.system}/measures/${i.measure}`,
    get: only({ admin: 200, ...reader }, 404),
  },
  {
    file: "places.$placeId_.comparison.tsx",
    path: (i) => `/places/${i.morecambeBay}/comparison`,
    get: only({ admin: 200, placeLead: 200, steering: 200, ...reader }, 404),
  },
  {
    file: "places.$placeId_.side-by-side.tsx",
    path: (i) => `/places/${i.morecambeBay}/side-by-side?org=${i.uhmb}&org=${i.nwas}`,
    get: only({ admin: 200, placeLead: 200, steering: 200, ...reader }, 404),
  },
  {
    file: "places.$placeId_.summary[.]csv.tsx",
    path: (i) => `/places/${i.morecambeBay}/summary.csv?table=returns`,
    get: only({ admin: 200, placeLead: 200, steering: 200, ...reader }, 404),
  },
  // Everyone signed in has the exports page (it lists only what they may download); a place's
  // export is for those who read the place. Other scopes: tests/integration/exports/.
  { file: "exports._index.tsx", path: () => "/exports", get: everyone(200, "in") },
  {
    file: "exports.$scope.$scopeId.$file.tsx",
    path: (i) => `/exports/places/${i.morecambeBay}/returns.csv`,
    get: only({ admin: 200, placeLead: 200, steering: 200, ...reader }, 404),
  },
  // Annual reports: anyone signed in may ask (they are offered only their own
  // scopes, and an empty form is refused); a report's page and download are
  // for whoever reads its scope (here Morecambe Bay's), and no one else
  // learns it exists. The planted job failed, so its download is refused in words.
  {
    file: "reports._index.tsx",
    path: () => "/reports",
    get: everyone(200, "in"),
    post: everyone(400, "in"),
  },
  {
    file: "reports.$jobId.tsx",
    path: (i) => `/reports/${i.placeReportJob}`,
    get: only({ admin: 200, placeLead: 200, steering: 200, ...reader }, 404),
  },
  {
    file: "reports.$jobId_.download.tsx",
    path: (i) => `/reports/${i.placeReportJob}/download`,
    get: only({ admin: 409, placeLead: 409, steering: 409, systemReader: 409 }, 404),
  },
  // Issue 21: second factors, organisations' own sign-in, the idle warning and held forms.
  // Passkeys are managed once signed in all the way (an empty form is refused).
  {
    file: "account_.passkeys.tsx",
    path: () => "/account/passkeys",
    get: everyone(200, "in"),
    post: everyone(400, "in"),
  },
  // Recovery codes stand in for a second factor, so only its holders make them (a post makes a
  // set); the demo accounts hold none and are sent to set one up.
  {
    file: "account_.recovery-codes.tsx",
    path: () => "/account/recovery-codes",
    get: { ...everyone("setup", "in"), ...realFactorHolders(200) },
    post: { ...everyone("setup", "in"), ...realFactorHolders(200) },
  },
  {
    file: "sign-in_.recovery-code.tsx",
    path: () => "/sign-in/recovery-code",
    get: { ...everyone("home"), signedOut: "/sign-in", codeOwed: 200 },
    post: { ...everyone("home"), signedOut: "/sign-in", codeOwed: 400 },
  },
  // The passkey ceremonies answer JSON to the page's script. Signing in: anyone not signed in
  // (or owing their second factor) is asked what to do (400); the signed-in are told where to go.
  {
    file: "webauthn.authenticate.tsx",
    path: () => "/webauthn/authenticate",
    // A route that only takes posts answers GET with 405 in words (ADR 038).
    get: everyone(405),
    post: { ...everyone(200), signedOut: 400, codeOwed: 400 },
  },
  {
    file: "webauthn.register.tsx",
    path: () => "/webauthn/register",
    get: everyone(405),
    post: { ...everyone(400, "in"), noFactor: 400 },
  },
  // Organisations' own sign-in starts from a link on the sign-in page (the planted provider
  // cannot be reached: 503 in words); its callback without this browser's transaction is refused.
  {
    file: "sign-in_.oidc.$providerId.tsx",
    path: (i) => `/sign-in/oidc/${i.provider}`,
    get: everyone(503),
  },
  { file: "sign-in_.oidc.callback.tsx", path: () => "/sign-in/oidc/callback", get: everyone(400) },
  {
    file: "admin.sign-in-providers.tsx",
    path: () => "/admin/sign-in-providers",
    get: only(admins, 403),
    post: only(adminsPost, 403),
  },
  {
    file: "admin.sign-in-providers.$providerId.tsx",
    path: (i) => `/admin/sign-in-providers/${i.provider}`,
    get: only({ admin: 200, admin2: 404 }, 403),
    post: only({ admin: 400, admin2: 404 }, 403),
  },
  // The idle warning asks how long is left (never counting as activity) and stays signed in;
  // its stylesheet is the same for everyone; without JavaScript, "stay" is a page of its own.
  { file: "session.tsx", path: () => "/session", get: everyone(200), post: everyone(200) },
  {
    file: "session.idle[.]css.tsx",
    path: () => "/session/idle.css?warn=1500&end=1800",
    get: everyone(200),
  },
  { file: "session.stay.tsx", path: () => "/session/stay", get: everyone(200, "in") },
  // Nothing is held for anyone here: the page sends them home; discarding nothing returns to it.
  {
    file: "session.held.tsx",
    path: () => "/session/held",
    get: everyone("home", "in"),
    post: everyone("/session/held", "in"),
  },
  { file: "admin._index.tsx", path: () => "/admin", get: only(manager, 403) },
  {
    file: "admin.places.tsx",
    path: () => "/admin/places",
    get: only(admins, 403),
    post: only(adminsPost, 403),
  },
  {
    file: "admin.periods.tsx",
    path: () => "/admin/periods",
    get: only(admins, 403),
    post: only(adminsPost, 403),
  },
  { file: "admin.outbox.tsx", path: () => "/admin/outbox", get: only(admins, 403) },
  // Outcome measures (issue 23) are each system's administrators' to define; the second
  // system's administrator is told the first system's measure does not exist.
  {
    file: "admin.measures._index.tsx",
    path: () => "/admin/measures",
    get: only(admins, 403),
    post: only(adminsPost, 403),
  },
  {
    file: "admin.measures.new.tsx",
    path: () => "/admin/measures/new",
    get: only(admins, 403),
    post: only(adminsPost, 403),
  },
  {
    file: "admin.measures.$measureId.tsx",
    path: (i) => `/admin/measures/${i.measure}`,
    get: only({ admin: 200, admin2: 404 }, 403),
    post: only({ admin: 400, admin2: 404 }, 403),
  },
  { file: "admin.audit.tsx", path: () => "/admin/audit", get: only(admins, 403) },
  {
    file: "admin.organisations._index.tsx",
    path: () => "/admin/organisations",
    get: only(manager, 403),
  },
  {
    file: "admin.organisations.new.tsx",
    path: () => "/admin/organisations/new",
    get: only(manager, 403),
    post: only(managerPost, 403),
  },
  {
    file: "admin.organisations.$organisationId.tsx",
    path: (i) => `/admin/organisations/${i.lancaster}`,
    get: only(managerOfFirst, 403),
    post: only(managerOfFirstPost, 403),
  },
  { file: "admin.people._index.tsx", path: () => "/admin/people", get: only(manager, 403) },
  {
    file: "admin.people.invite.tsx",
    path: () => "/admin/people/invite",
    get: only(manager, 403),
    post: only(managerPost, 403),
  },
  {
    file: "admin.people.$userId.tsx",
    path: (i) => `/admin/people/${i.championUser}`,
    get: only(managerOfFirst, 403),
    post: only(managerOfFirstPost, 403),
  },
];
