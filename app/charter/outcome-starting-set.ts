import type { MeasureFrequency, MeasureKind } from "./outcomes";

/**
 * The six outcome measures the Morecambe Bay slides name, one per domain,
 * written as definitions a champion can collect the same way every time.
 * A system's administrators start from these (or not) and change them as
 * they like; a change is a new version (ADR 040).
 */
export type StartingMeasure = {
  name: string;
  definition: string;
  domainNumber: number;
  componentIds: string[];
  kind: MeasureKind;
  unit: string;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
  frequency: MeasureFrequency;
  /** The slides' wording, kept with the measure that answers it. */
  slides: string;
};

export const startingMeasures: StartingMeasure[] = [
  {
    name: "Staff paid at least the Real Living Wage",
    definition:
      "Staff paid at least the Real Living Wage (the Living Wage Foundation's rate in force on the last day of the quarter), as a share of all staff on the payroll that day. Count people, not posts; include bank staff paid that month. Contracted staff on site are left out until contracts report them.",
    domainNumber: 1,
    componentIds: ["1.3"],
    kind: "ratio",
    unit: "staff",
    numeratorLabel: "Staff paid at least the Real Living Wage",
    denominatorLabel: "All staff on the payroll",
    frequency: "quarterly",
    slides: "% of staff paid above the living wage",
  },
  {
    name: "Local share of influenceable spend",
    definition:
      "Non-pay spend in the quarter with suppliers whose invoicing address is in Lancashire and South Cumbria, as a share of all influenceable non-pay spend (leave out spend no local supplier could win: national contracts, drugs bought through national frameworks, rates and rents). In pounds, excluding VAT.",
    domainNumber: 2,
    componentIds: ["2.1", "2.2"],
    kind: "ratio",
    unit: "£",
    numeratorLabel: "Influenceable spend with local suppliers (£)",
    denominatorLabel: "All influenceable non-pay spend (£)",
    frequency: "quarterly",
    slides: "Targeted local procurement (a 5-10% shift over 3 years)",
  },
  {
    name: "Affordable homes on released estate",
    definition:
      "Homes built or with planning permission in the financial year on land the organisation sold, leased or converted, that are affordable housing as the National Planning Policy Framework defines it, as a share of all homes on that land.",
    domainNumber: 3,
    componentIds: ["3.2", "3.3"],
    kind: "ratio",
    unit: "homes",
    numeratorLabel: "Affordable homes on released land",
    denominatorLabel: "All homes on released land",
    frequency: "yearly",
    slides: "% of affordable housing",
  },
  {
    name: "Carbon emissions from estate and fleet",
    definition:
      "Greenhouse gas emissions in the quarter from the organisation's buildings and vehicles (scopes 1 and 2 of the Greenhouse Gas Protocol), in tonnes of carbon dioxide equivalent, as the Greener NHS return counts them. Lower is better.",
    domainNumber: 4,
    componentIds: ["4.1"],
    kind: "total",
    unit: "tonnes CO2e",
    numeratorLabel: null,
    denominatorLabel: null,
    frequency: "quarterly",
    slides: "Carbon output reduced (recycling, active travel by anchor employees)",
  },
  {
    name: "Good practice shared or taken up",
    definition:
      "Examples of practice the organisation shared with another anchor organisation, or took up from one, in the quarter: a written case study shared on the platform, or a change adopted from another organisation's shared practice. Each example counts once.",
    domainNumber: 5,
    componentIds: ["5.1", "5.2"],
    kind: "total",
    unit: "examples",
    numeratorLabel: null,
    denominatorLabel: null,
    frequency: "quarterly",
    slides: "Spread and scale of good practice",
  },
  {
    name: "New starters from the most deprived neighbourhoods",
    definition:
      "People who started work with the organisation in the quarter whose home postcode is in the 20 % most deprived neighbourhoods in England (Index of Multiple Deprivation, quintile 1), as a share of all new starters with a known postcode.",
    domainNumber: 6,
    componentIds: ["6.2", "1.1"],
    kind: "ratio",
    unit: "people",
    numeratorLabel: "New starters living in the 20 % most deprived neighbourhoods",
    denominatorLabel: "All new starters with a known postcode",
    frequency: "quarterly",
    slides: "Overall reduction in health inequalities",
  },
];
