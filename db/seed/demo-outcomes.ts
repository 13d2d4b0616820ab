import type { Kysely } from "kysely";
import { startingMeasures } from "../../app/charter/outcome-starting-set";
import { figureValue, isDue } from "../../app/charter/outcomes";
import type { MonthlyPeriod } from "../../app/periods/monthly";
import type { Database, OrganisationType } from "../schema";
import { mulberry32 } from "./demo-story";

/**
 * The demo's outcome measures (ADR 040): the slides' six, and each
 * organisation's figures for them in the months they were due, invented and
 * marked so: sizes by kind of organisation, shares that drift upwards and
 * carbon that falls, a few figures not reported. Pure planning here,
 * then one writer in the seed's transaction.
 */

export type PlannedFigure = {
  organisation: string;
  period: number;
  measure: number;
  numerator: number;
  denominator: number | null;
};

const sources = [
  "Payroll system (demonstration)",
  "Finance ledger, accounts payable (demonstration)",
  "Estates disposals register (demonstration)",
  "Greener NHS return (demonstration)",
  "Place anchor network log (demonstration)",
  "Recruitment system (demonstration)",
];

const staff: Record<OrganisationType, number> = {
  nhs_trust: 6000,
  icb_ccg: 350,
  local_authority: 1800,
  university: 2800,
  other: 500,
};

export function planDemoOutcomes(args: {
  periods: readonly MonthlyPeriod[];
  organisations: ReadonlyArray<{ name: string; type: OrganisationType }>;
  assessments: ReadonlyArray<{ organisation: string; period: number; status: string }>;
}): PlannedFigure[] {
  const last = args.periods.length - 1;
  const figures: PlannedFigure[] = [];
  args.organisations.forEach((organisation, index) => {
    const random = mulberry32(5000 + index);
    const size = staff[organisation.type] * (0.7 + random() * 0.6);
    const own = args.assessments.filter((a) => a.organisation === organisation.name);
    const first = Math.min(...own.map((a) => a.period));
    for (const a of own) {
      // The champion's own draft of the month now is theirs to fill in.
      if (a.period === last && a.status === "draft") continue;
      const startsOn = args.periods[a.period]!.startsOn;
      const q = Math.floor((a.period - first) / 3);
      const round = (n: number) => Math.round(n);
      const ratio = (whole: number, share: number) => {
        const denominator = Math.max(1, round(whole));
        return { numerator: Math.min(denominator, round(denominator * share)), denominator };
      };
      const values: Array<{ numerator: number; denominator: number | null } | null> = [
        ratio(size, Math.min(0.99, 0.86 + 0.004 * q + random() * 0.02)),
        ratio(
          size * 7000 * (0.9 + random() * 0.2),
          (18 + (index % 7) * 2 + q * 0.7 + random()) / 100,
        ),
        organisation.type === "nhs_trust" || organisation.type === "local_authority"
          ? ratio(20 + random() * 130, 0.2 + 0.02 * q + random() * 0.05)
          : null,
        {
          numerator: round(size * 0.9 * Math.pow(0.985, q) * (0.95 + random() * 0.1)),
          denominator: null,
        },
        { numerator: Math.floor(random() * 3 + q / 3), denominator: null },
        ratio(size * 0.05 * (0.8 + random() * 0.4), 0.14 + 0.005 * q + random() * 0.03),
      ];
      values.forEach((value, measure) => {
        if (!value || !isDue(startingMeasures[measure]!.frequency, startsOn)) return;
        // About one figure in twelve is not reported.
        if (random() < 0.08) return;
        figures.push({ organisation: organisation.name, period: a.period, measure, ...value });
      });
    }
  });
  return figures;
}

/** A snapshot's record of a figure, as submitAssessment freezes it. */
export type SnapshotFigure = ReturnType<typeof snapshotOf>;

const snapshotOf = (
  measure: (typeof startingMeasures)[number],
  ids: { measureId: number; versionId: number },
  f: PlannedFigure,
) => ({
  ...ids,
  version: 1,
  name: measure.name,
  definition: measure.definition,
  kind: measure.kind,
  unit: measure.unit,
  numeratorLabel: measure.numeratorLabel,
  denominatorLabel: measure.denominatorLabel,
  frequency: measure.frequency,
  componentIds: measure.componentIds,
  numerator: f.numerator,
  denominator: f.denominator,
  source: sources[f.measure]!,
  note: "Invented for the demonstration: not this organisation's real figure.",
});

/**
 * Writes the measures, the figures, the system's targets for three of them
 * and one organisation's own target; answers each submitted return's
 * figures for its snapshot.
 */
export async function writeDemoOutcomes(
  trx: Kysely<Database>,
  args: {
    systemId: number;
    periods: readonly MonthlyPeriod[];
    figures: readonly PlannedFigure[];
    assessmentOf: (organisation: string, period: number) => number;
    organisationIds: Map<string, number>;
    adminUserId: number;
    championUserId: number;
    targetOrganisation: string;
    createdAt: string;
  },
): Promise<Map<number, SnapshotFigure[]>> {
  const ids: Array<{ measureId: number; versionId: number }> = [];
  for (const [position, m] of startingMeasures.entries()) {
    const { id: measureId } = await trx
      .insertInto("outcome_measure")
      .values({ system_id: args.systemId, position: position + 1, created_at: args.createdAt })
      .returning("id")
      .executeTakeFirstOrThrow();
    const { id: versionId } = await trx
      .insertInto("outcome_measure_version")
      .values({
        measure_id: measureId,
        version: 1,
        name: m.name,
        definition: m.definition,
        domain_number: m.domainNumber,
        component_ids: JSON.stringify(m.componentIds),
        kind: m.kind,
        unit: m.unit,
        numerator_label: m.numeratorLabel,
        denominator_label: m.denominatorLabel,
        frequency: m.frequency,
        created_at: args.createdAt,
        created_by: args.adminUserId,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    ids.push({ measureId, versionId });
  }
  const snapshots = new Map<number, SnapshotFigure[]>();
  const rows = args.figures.map((f) => {
    const assessmentId = args.assessmentOf(f.organisation, f.period);
    const measure = startingMeasures[f.measure]!;
    snapshots.set(assessmentId, [
      ...(snapshots.get(assessmentId) ?? []),
      snapshotOf(measure, ids[f.measure]!, f),
    ]);
    return {
      assessment_id: assessmentId,
      measure_id: ids[f.measure]!.measureId,
      measure_version_id: ids[f.measure]!.versionId,
      numerator: f.numerator,
      denominator: f.denominator,
      source: sources[f.measure]!,
      note: "Invented for the demonstration: not this organisation's real figure.",
      updated_at: `${args.periods[f.period]!.endsOn}T12:00:00.000Z`,
      updated_by: args.championUserId,
    };
  });
  for (let i = 0; i < rows.length; i += 500)
    await trx
      .insertInto("outcome_figure")
      .values(rows.slice(i, i + 500))
      .execute();

  // Targets from the first March with figures: the baseline is what the figures then said.
  const march = args.periods.findIndex((p) => p.startsOn.slice(5, 7) === "03");
  if (march < 0) return snapshots;
  const baselineOn = args.periods[march]!.endsOn;
  const by = (years: number) => `${Number(baselineOn.slice(0, 4)) + years}-03-31`;
  const sumAt = (measure: number, organisation?: string) => {
    const at = args.figures.filter(
      (f) =>
        f.period === march &&
        f.measure === measure &&
        (!organisation || f.organisation === organisation),
    );
    const numerator = at.reduce((s, f) => s + f.numerator, 0);
    const denominator = at.reduce((s, f) => s + (f.denominator ?? 0), 0);
    return figureValue(startingMeasures[measure]!.kind, numerator, denominator || null);
  };
  const target = (
    measure: number,
    organisation: string | null,
    change: (baseline: number) => number,
    years: number,
    note: string,
  ) => {
    const baseline = sumAt(measure, organisation ?? undefined);
    if (baseline === null) return null;
    const rounded = Math.round(baseline * 10) / 10;
    return {
      measure_id: ids[measure]!.measureId,
      organisation_id: organisation ? args.organisationIds.get(organisation)! : null,
      baseline_value: rounded,
      baseline_on: baselineOn,
      target_value: Math.round(change(rounded) * 10) / 10,
      target_on: by(years),
      note,
      set_at: args.createdAt,
      set_by: organisation ? args.championUserId : args.adminUserId,
    };
  };
  const targets = [
    target(0, null, () => 100, 3, "Every member of staff paid at least the Real Living Wage."),
    target(1, null, (b) => b + 7.5, 3, "The slides' ambition: a 5 to 10% shift over 3 years."),
    target(3, null, (b) => b * 0.8, 4, "A fifth less carbon from estate and fleet in four years."),
    target(1, args.targetOrganisation, (b) => b + 10, 3, "Our own ambition: the top of the range."),
  ].filter((t): t is NonNullable<typeof t> => t !== null);
  if (targets.length) await trx.insertInto("outcome_target").values(targets).execute();
  return snapshots;
}
