import { z } from "zod";
import { dateInputSchema, endOfYearAhead, multiLineText, singleLineText } from "./fields";

/**
 * The outcome measures' forms (ADR 040): an administrator's definition of a
 * measure, a champion's figures for a month, and a target. Shared by the
 * pages and their actions; the template import reads figures through the
 * same schema.
 */

export const measureKinds = ["ratio", "total"] as const;
export const measureFrequencies = ["monthly", "quarterly", "yearly"] as const;

export const kindWords = {
  ratio: "A share: a part of a whole, shown as a percentage",
  total: "A total: an amount added up across organisations",
} as const;

export const frequencyWords = {
  monthly: "Every month",
  quarterly: "Every quarter (in March, June, September and December)",
  yearly: "Every year (in March, at the end of the financial year)",
} as const;

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/** A measure's definition, as an administrator writes it; `components` is a list joined by commas. */
export const measureSchema = (componentIds: readonly string[], domains: readonly number[]) =>
  z
    .object({
      name: singleLineText("The name", 100).pipe(z.string().min(1, "Enter the measure's name")),
      definition: multiLineText("The definition", 2000).pipe(
        z.string().min(1, "Enter the definition: what is counted, and how"),
      ),
      domain: z
        .string()
        .transform(Number)
        .refine((n) => domains.includes(n), "Choose the domain the measure belongs to"),
      components: z
        .string()
        .default("")
        .transform((s) => s.split(",").filter(Boolean))
        .refine((ids) => ids.length > 0, "Choose at least one component the measure evidences")
        .refine(
          (ids) => ids.every((id) => componentIds.includes(id)),
          "Choose components of the charter",
        ),
      kind: z.enum(measureKinds, { error: "Choose whether the measure is a share or a total" }),
      unit: singleLineText("The unit", 30).pipe(
        z
          .string()
          .min(1, "Enter the unit the figures are counted in, like £, staff or tonnes CO2e"),
      ),
      numeratorLabel: singleLineText("The part", 120).default(""),
      denominatorLabel: singleLineText("The whole", 120).default(""),
      frequency: z.enum(measureFrequencies, { error: "Choose how often it is collected" }),
      version: z.string().default("0").transform(Number),
    })
    .superRefine((m, ctx) => {
      if (m.kind !== "ratio") return;
      if (!m.numeratorLabel)
        ctx.addIssue({
          code: "custom",
          path: ["numeratorLabel"],
          message: "Name the part counted",
        });
      if (!m.denominatorLabel)
        ctx.addIssue({
          code: "custom",
          path: ["denominatorLabel"],
          message: "Name the whole it is a part of",
        });
    });

/** What the figures form needs to know of each measure due. */
export type FigureFormMeasure = {
  measureId: number;
  name: string;
  kind: "ratio" | "total";
  unit: string;
  numeratorLabel: string | null;
  denominatorLabel: string | null;
};

export type FigureField = "part" | "whole" | "source" | "note" | "confirm";
/** A field's name and element id: `figure-7-part`. */
export const figureFieldId = (measureId: number, field: FigureField) =>
  `figure-${measureId}-${field}`;

/**
 * A figure as typed: digits with commas as thousands separators, a decimal
 * point, a pound sign or spaces; nothing negative, no exponents. NaN when it
 * is not a number, null when nothing was typed.
 */
export function readFigure(text: string | undefined): number | null {
  const cleaned = (text ?? "").replace(/[\s,£]/g, "");
  if (cleaned === "") return null;
  if (!/^\d+(\.\d{1,4})?$/.test(cleaned)) return NaN;
  return Number(cleaned);
}

export const FIGURE_MAX = 1e12;

export type ParsedFigure =
  | {
      measureId: number;
      numerator: number;
      denominator: number | null;
      source: string;
      note: string;
    }
  | { measureId: number; remove: true };

/**
 * The month's figures: for each measure due, its part and whole (a share) or
 * its value (a total), where it comes from, and a note. A measure left empty
 * is not reported (and a figure saved before is removed). Checked: numbers,
 * none negative, a whole above zero, a part no more than its whole.
 */
export function figuresSchema(measures: readonly FigureFormMeasure[]) {
  const source = singleLineText("The source", 200);
  const note = multiLineText("The note", 1000);
  return z
    .record(z.string(), z.string())
    .superRefine((values, ctx) => {
      const issue = (id: string, message: string) =>
        ctx.addIssue({ code: "custom", path: [id], message });
      for (const m of measures) {
        const id = (f: FigureField) => figureFieldId(m.measureId, f);
        const partLabel = m.kind === "ratio" ? m.numeratorLabel! : `The ${lowerFirst(m.name)}`;
        const wholeLabel = m.denominatorLabel ?? "";
        const part = readFigure(values[id("part")]);
        const whole = m.kind === "ratio" ? readFigure(values[id("whole")]) : null;
        const typedSource = (values[id("source")] ?? "").trim();
        const typedNote = (values[id("note")] ?? "").trim();
        const sourceCheck = source.safeParse(values[id("source")] ?? "");
        if (!sourceCheck.success) issue(id("source"), sourceCheck.error.issues[0]!.message);
        const noteCheck = note.safeParse(values[id("note")] ?? "");
        if (!noteCheck.success) issue(id("note"), noteCheck.error.issues[0]!.message);
        if (part === null && whole === null) {
          if (typedSource || typedNote)
            issue(id("part"), `Enter ${lowerFirst(partLabel)}, or leave its source and note empty`);
          continue;
        }
        const problem = (value: number | null, label: string) =>
          value === null
            ? `Enter ${lowerFirst(label)}`
            : Number.isNaN(value)
              ? `${label} must be a number 0 or more, like 1,250 or 37.5`
              : value > FIGURE_MAX
                ? `${label} must be less than a million million`
                : null;
        const checkNumber = (field: "part" | "whole", value: number | null, label: string) => {
          const message = problem(value, label);
          if (message) issue(id(field), message);
          return message === null;
        };
        const partOk = checkNumber("part", part, partLabel);
        const wholeOk = m.kind === "ratio" ? checkNumber("whole", whole, wholeLabel) : true;
        if (m.kind === "ratio" && partOk && wholeOk) {
          if (whole === 0)
            issue(
              id("whole"),
              `${wholeLabel} must be more than 0: a share of nothing is no figure`,
            );
          else if (part! > whole!)
            issue(id("part"), `${partLabel} must not be more than ${lowerFirst(wholeLabel)}`);
        }
        if (!typedSource)
          issue(id("source"), `Say where the figure for ${lowerFirst(m.name)} comes from`);
      }
    })
    .transform((values): ParsedFigure[] =>
      measures.map((m) => {
        const id = (f: FigureField) => figureFieldId(m.measureId, f);
        const part = readFigure(values[id("part")]);
        const whole = m.kind === "ratio" ? readFigure(values[id("whole")]) : null;
        if (part === null && whole === null) return { measureId: m.measureId, remove: true };
        return {
          measureId: m.measureId,
          numerator: part!,
          denominator: whole,
          source: (values[id("source")] ?? "").trim(),
          note: (values[id("note")] ?? "").trim(),
        };
      }),
    );
}

const targetDate = (what: string) =>
  dateInputSchema(what, { earliest: "2000-01-01", latest: endOfYearAhead(30) });

/**
 * A target: a baseline (a value on a date), a target value and the date it
 * is due by; a share's values are percentages. The dates arrive joined from
 * their GOV.UK date inputs (joinDateParts).
 */
export const targetSchema = (kind: "ratio" | "total") =>
  z
    .object({
      baselineValue: z.string(),
      baselineOn: targetDate("the baseline date"),
      targetValue: z.string(),
      targetOn: targetDate("the target date"),
      note: multiLineText("The note", 500).default(""),
    })
    .superRefine((t, ctx) => {
      const check = (field: "baselineValue" | "targetValue", what: string) => {
        const value = readFigure(t[field]);
        const message =
          value === null
            ? `Enter the ${what}`
            : Number.isNaN(value)
              ? `The ${what} must be a number 0 or more, like 30 or 1,250`
              : kind === "ratio" && value > 100
                ? `The ${what} is a percentage: it must be 100 or less`
                : null;
        if (message) ctx.addIssue({ code: "custom", path: [field], message });
        return message ? null : value;
      };
      const baseline = check("baselineValue", "baseline");
      const target = check("targetValue", "target");
      if (baseline !== null && target !== null && baseline === target)
        ctx.addIssue({
          code: "custom",
          path: ["targetValue"],
          message: "The target must differ from the baseline: a target is a change",
        });
      if (t.baselineOn >= t.targetOn && !t.targetOn.startsWith("?") && t.targetOn !== "")
        ctx.addIssue({
          code: "custom",
          path: ["targetOn"],
          message: "The target date must be after the baseline date",
        });
    })
    .transform((t) => ({
      baselineValue: readFigure(t.baselineValue)!,
      baselineOn: t.baselineOn,
      targetValue: readFigure(t.targetValue)!,
      targetOn: t.targetOn,
      note: t.note,
    }));
