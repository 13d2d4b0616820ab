import type { OrganisationType } from "../schema";

/**
 * The Lancashire and South Cumbria ICS as named in the 2021 board papers.
 * The names are real; every status the seed gives them is invented, and the
 * app says so on every page while demo data is loaded.
 */
export const demoSystemName = "Lancashire and South Cumbria ICS";

export const demoPlaces = [
  "Central Lancashire",
  "Fylde Coast",
  "Pennine Lancashire",
  "Morecambe Bay",
  "West Lancashire",
] as const;

type DemoOrganisation = {
  name: string;
  type: OrganisationType;
  /** null: system-wide, spanning places. */
  place: (typeof demoPlaces)[number] | null;
};

export const demoOrganisations: DemoOrganisation[] = [
  { name: "Morecambe Bay CCG", type: "icb_ccg", place: "Morecambe Bay" },
  {
    name: "University Hospitals of Morecambe Bay NHS Foundation Trust",
    type: "nhs_trust",
    place: "Morecambe Bay",
  },
  { name: "Lancaster District Council", type: "local_authority", place: "Morecambe Bay" },
  { name: "Barrow Borough Council", type: "local_authority", place: "Morecambe Bay" },
  { name: "South Lakeland District Council", type: "local_authority", place: "Morecambe Bay" },
  { name: "Lancaster University", type: "university", place: "Morecambe Bay" },
  { name: "University of Cumbria", type: "university", place: "Morecambe Bay" },
  {
    name: "Blackpool Teaching Hospitals NHS Foundation Trust",
    type: "nhs_trust",
    place: "Fylde Coast",
  },
  { name: "NHS Blackpool CCG", type: "icb_ccg", place: "Fylde Coast" },
  { name: "East Lancashire Hospitals NHS Trust", type: "nhs_trust", place: "Pennine Lancashire" },
  { name: "NHS Blackburn with Darwen CCG", type: "icb_ccg", place: "Pennine Lancashire" },
  {
    name: "Lancashire Teaching Hospitals NHS Foundation Trust",
    type: "nhs_trust",
    place: "Central Lancashire",
  },
  { name: "Central Lancashire CCGs", type: "icb_ccg", place: "Central Lancashire" },
  { name: "University of Central Lancashire", type: "university", place: "Central Lancashire" },
  { name: "NHS West Lancashire CCG", type: "icb_ccg", place: "West Lancashire" },
  { name: "Lancashire and South Cumbria NHS Foundation Trust", type: "nhs_trust", place: null },
  { name: "North West Ambulance Service NHS Trust", type: "nhs_trust", place: null },
  { name: "Lancashire County Council", type: "local_authority", place: null },
];

/**
 * One demo account per role, all with the same printed password. They are
 * marked is_demo, which exempts them from the second factor only while the
 * database holds demo data.
 */
export const DEMO_PASSWORD = "anchor-charter-demo";

export type DemoAccount = {
  email: string;
  name: string;
  role: "admin" | "system_reader" | "place_lead" | "steering_member" | "champion";
  /** Organisation name for a champion, place name for a place role; null for a system role. */
  scope: string | null;
};

export const demoAccounts: DemoAccount[] = [
  { email: "admin@example.com", name: "Demo Administrator", role: "admin", scope: null },
  {
    email: "place.lead@example.com",
    name: "Demo Place Lead",
    role: "place_lead",
    scope: "Morecambe Bay",
  },
  {
    email: "steering@example.com",
    name: "Demo Steering Group Member",
    role: "steering_member",
    scope: "Morecambe Bay",
  },
  {
    email: "champion@example.com",
    name: "Demo Champion",
    role: "champion",
    scope: "University Hospitals of Morecambe Bay NHS Foundation Trust",
  },
  {
    email: "system.reader@example.com",
    name: "Demo System Reader",
    role: "system_reader",
    scope: null,
  },
  {
    email: "champion.blackpool@example.com",
    name: "Demo Champion (Blackpool)",
    role: "champion",
    scope: "Blackpool Teaching Hospitals NHS Foundation Trust",
  },
];
