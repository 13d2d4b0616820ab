import type { Expect, Ids } from "./principals";
import { only } from "./principals";

// Ids a visitor may guess: each answers 404 (not 403), so existence does not leak.
export const guessed: Array<{ name: string; path: (ids: Ids) => string; get: Expect }> = [
  {
    name: "another place's organisation",
    path: (i) => `/organisations/${i.blackpool}`,
    get: only({ admin: 200, otherChampion: 200, systemReader: 200 }, 404),
  },
  {
    name: "a system-wide organisation",
    path: (i) => `/organisations/${i.nwas}`,
    get: only({ admin: 200, placeLead: 200, steering: 200, systemReader: 200 }, 404),
  },
  {
    name: "one organisation's query under another organisation's month",
    path: (i) =>
      `/organisations/${i.blackpool}/periods/${i.blackpoolSubmitted}/queries/${i.uhmbQuery}`,
    get: only({}, 404),
  },
  {
    name: "another place",
    path: (i) => `/places/${i.fyldeCoast}`,
    get: only({ admin: 200, systemReader: 200 }, 404),
  },
  {
    name: "another system's roll-up",
    path: (i) => `/systems/${i.second.system}`,
    get: only({ admin2: 200, systemReader2: 200 }, 404),
  },
  {
    name: "another system's comparison",
    path: (i) => `/places/${i.second.place}/comparison`,
    get: only({ admin2: 200, placeLead2: 200, steering2: 200, systemReader2: 200 }, 404),
  },
  // In progress: the system reader knows the organisation, and is refused its draft.
  {
    name: "another place's organisation's month",
    path: (i) => `/organisations/${i.blackpool}/periods/${i.openPeriod}`,
    get: only({ admin: 200, otherChampion: 200, systemReader: 403 }, 404),
  },
  // Submitted: the system reader reads it, and the files behind it.
  {
    name: "another place's organisation's submitted month",
    path: (i) => `/organisations/${i.blackpool}/periods/${i.blackpoolSubmitted}`,
    get: only({ admin: 200, otherChampion: 200, systemReader: 200 }, 404),
  },
  {
    name: "a submitted month",
    path: (i) => `/organisations/${i.uhmb}/periods/${i.uhmbSubmitted}`,
    get: only({ admin: 200, placeLead: 200, steering: 200, champion: 200, systemReader: 200 }, 404),
  },
  {
    name: "a file behind a submitted month",
    path: (i) => `/organisations/${i.uhmb}/evidence/${i.uhmbSubmittedFile}`,
    get: only({ admin: 200, placeLead: 200, steering: 200, champion: 200, systemReader: 200 }, 404),
  },
  {
    name: "a submitted month's reporting sheet",
    path: (i) => `/organisations/${i.uhmb}/periods/${i.uhmbSubmitted}/reporting-sheet`,
    get: only({ admin: 200, placeLead: 200, steering: 200, champion: 200, systemReader: 200 }, 404),
  },
  {
    name: "another place's organisation's submission",
    path: (i) => `/organisations/${i.blackpool}/submissions/${i.blackpoolSubmission}`,
    get: only({ admin: 200, otherChampion: 200, systemReader: 200 }, 404),
  },
  // A submission id under an organisation it is not of is as absent as one that does not exist.
  {
    name: "another organisation's submission under this organisation's address",
    path: (i) => `/organisations/${i.uhmb}/submissions/${i.blackpoolSubmission}`,
    get: only({}, 404),
  },
  {
    name: "another organisation's submission as PDF under this organisation's address",
    path: (i) => `/organisations/${i.uhmb}/submissions/${i.blackpoolSubmission}.pdf`,
    get: only({}, 404),
  },
  {
    name: "another organisation's submission as Word under this organisation's address",
    path: (i) => `/organisations/${i.uhmb}/submissions/${i.blackpoolSubmission}.docx`,
    get: only({}, 404),
  },
  {
    name: "a submitted month's reporting sheet as Word",
    path: (i) => `/organisations/${i.uhmb}/periods/${i.uhmbSubmitted}/reporting-sheet.docx`,
    get: only({ admin: 200, placeLead: 200, steering: 200, champion: 200, systemReader: 200 }, 404),
  },
  {
    name: "a submission that does not exist",
    path: (i) => `/organisations/${i.uhmb}/submissions/999999`,
    get: only({}, 404),
  },
  {
    name: "another place's reminders",
    path: (i) => `/places/${i.fyldeCoast}/reminders`,
    get: { ...only({ admin: 200 }, 404), otherChampion: 403, systemReader: 403 },
  },
  {
    name: "another system's place's reminders",
    path: (i) => `/places/${i.second.place}/reminders`,
    get: {
      ...only({ admin2: 200, placeLead2: 200 }, 404),
      steering2: 403,
      champion2: 403,
      systemReader2: 403,
    },
  },
  {
    name: "a month that does not exist",
    path: (i) => `/organisations/${i.uhmb}/periods/999999`,
    get: only({}, 404),
  },
  {
    name: "an organisation that does not exist",
    path: () => "/organisations/999999",
    get: only({}, 404),
  },
  { name: "a malformed id", path: () => "/organisations/1%20or%201=1", get: only({}, 404) },
  // Place leads and the second system's administrator may use these pages, so an id
  // outside their place or system is 404 for them; the others may not use the pages (403).
  {
    name: "another place's organisation to edit",
    path: (i) => `/admin/organisations/${i.blackpool}`,
    get: { ...only({ admin: 200 }, 403), placeLead: 404, admin2: 404, placeLead2: 404 },
  },
  {
    name: "another place's champion",
    path: (i) => `/admin/people/${i.otherChampionUser}`,
    get: { ...only({ admin: 200 }, 403), placeLead: 404, admin2: 404, placeLead2: 404 },
  },
  // Systems are separate: each one's people see nothing of the other's, as if absent.
  {
    name: "another system's organisation",
    path: (i) => `/organisations/${i.second.organisation}`,
    get: only(
      { admin2: 200, placeLead2: 200, steering2: 200, champion2: 200, systemReader2: 200 },
      404,
    ),
  },
  // Nothing is started there yet: its own system reader is refused the month in progress.
  {
    name: "another system's organisation's month",
    path: (i) => `/organisations/${i.second.organisation}/periods/${i.second.period}`,
    get: only(
      { admin2: 200, placeLead2: 200, steering2: 200, champion2: 200, systemReader2: 403 },
      404,
    ),
  },
  {
    name: "another system's month, on an organisation one may read",
    path: (i) => `/organisations/${i.uhmb}/periods/${i.second.period}`,
    get: only({}, 404),
  },
  {
    name: "another system's place",
    path: (i) => `/places/${i.second.place}`,
    get: only({ admin2: 200, placeLead2: 200, steering2: 200, systemReader2: 200 }, 404),
  },
  {
    name: "another system's place's good practice",
    path: (i) => `/places/${i.second.place}/good-practice`,
    get: only(
      { admin2: 200, placeLead2: 200, steering2: 200, champion2: 200, systemReader2: 200 },
      404,
    ),
  },
  {
    name: "another system's organisation to edit",
    path: (i) => `/admin/organisations/${i.second.organisation}`,
    get: { ...only({ admin2: 200, placeLead2: 200 }, 403), admin: 404, placeLead: 404 },
  },
  {
    name: "another system's champion",
    path: (i) => `/admin/people/${i.second.championUser}`,
    get: { ...only({ admin2: 200, placeLead2: 200 }, 403), admin: 404, placeLead: 404 },
  },
  // The audit log's filters answer another system's person or organisation as they answer
  // one that does not exist (400, "no one in your system"), so they tell nothing.
  {
    name: "another system's person, in the audit log's filter",
    path: () => "/admin/audit?person=place.lead%40example.com",
    get: only({ admin: 200, admin2: 400 }, 403),
  },
  {
    name: "an address nobody has, in the audit log's filter",
    path: () => "/admin/audit?person=nobody%40nowhere.example",
    get: only({ admin: 400, admin2: 400 }, 403),
  },
  {
    name: "the second system's person, in the audit log's filter",
    path: () => "/admin/audit?person=place.lead%40second.example",
    get: only({ admin: 400, admin2: 200 }, 403),
  },
  {
    name: "another system's organisation, in the audit log's filter",
    path: (i) => `/admin/audit?organisation=${i.uhmb}`,
    get: only({ admin: 200, admin2: 400 }, 403),
  },
];
