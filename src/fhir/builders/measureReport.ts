import type { MeasureReport, MeasureReportGroup, MeasureReportGroupPopulation } from "fhir/r4";
import { CANONICAL_BASE } from "../canonical";
import {
  monthsOf,
  periodBounds,
  TASK_COUNT_MEASURES,
  type Cell,
  type MeasureId,
  type Period,
  type SuppressedTable,
  type Timing,
} from "../../domain/reports";

// FHIR MeasureReport (summary) exports of the de-identified report: one per measure, counts
// already suppressed (a suppressed count has no `count`, and carries data-absent-reason
// `masked`). No subject, no patient, no evaluatedResource: nothing to identify anyone. Not
// written to the FHIR server and not to the browser's storage: the user downloads it.

export const MEASURE_URL = (id: MeasureId) => `${CANONICAL_BASE}/Measure/wr-${id}`;
const POPULATION = "http://terminology.hl7.org/CodeSystem/measure-population";
const DATA_ABSENT = "http://hl7.org/fhir/StructureDefinition/data-absent-reason";

function population(code: string, cell: Cell): MeasureReportGroupPopulation {
  return {
    code: { coding: [{ system: POPULATION, code }] },
    ...(cell.kind === "count"
      ? { count: cell.value }
      : { extension: [{ url: DATA_ABSENT, valueCode: "masked" }] }),
  };
}

export interface Strata {
  stratifier: "month" | "partner" | "visit-setting" | "card-language" | "direction";
  values: { key: string; cell: Cell }[];
}

export interface MeasureReportInput {
  measure: MeasureId;
  period: Period;
  /** When the report was made (MeasureReport.date). */
  now: Date;
  /** The clinic Organization ("Organization/…"), the reporter. */
  reporter: string;
  /** The measure's count per stratum (month or partner) and in total, suppressed. */
  total: Cell;
  strata?: Strata;
  /** More stratifiers of the same measure (visit setting, card language), already suppressed. */
  alsoBy?: Strata[];
  /** For proportions: the denominator (referrals sent), suppressed. */
  denominator?: Cell;
  /** For timings: the median and 90th percentile in days (group.measureScore is the median). */
  timing?: Timing;
}

export function buildMeasureReport(input: MeasureReportInput): MeasureReport {
  const { start, end } = periodBounds(input.period);
  const populations: MeasureReportGroupPopulation[] = [
    population(input.denominator ? "numerator" : "initial-population", input.total),
    ...(input.denominator ? [population("denominator", input.denominator)] : []),
  ];
  const group: MeasureReportGroup = {
    population: populations,
    ...(input.timing?.median !== undefined
      ? {
          measureScore: {
            value: input.timing.median,
            unit: "d",
            system: "http://unitsofmeasure.org",
            code: "d",
          },
        }
      : {}),
    ...(input.strata || input.alsoBy?.length
      ? {
          stratifier: [...(input.strata ? [input.strata] : []), ...(input.alsoBy ?? [])].map(
            (strata) => ({
              code: [{ text: strata.stratifier }],
              stratum: strata.values.map((v) => ({
                value: { text: v.key },
                population: [population("initial-population", v.cell)],
              })),
            }),
          ),
        }
      : {}),
  };
  return {
    resourceType: "MeasureReport",
    status: "complete",
    type: "summary",
    measure: MEASURE_URL(input.measure),
    date: input.now.toISOString(),
    reporter: { reference: input.reporter },
    // The period's last instant is the day before `end` (the report's months are whole).
    period: { start, end: new Date(Date.parse(`${end}T00:00:00Z`) - 1).toISOString() },
    group: [group],
  };
}

/** The monthly table's column for a measure, as strata by month (for the Task and count measures). */
export function monthlyStrata(
  table: SuppressedTable,
  measure: MeasureId,
): { total: Cell; strata: MeasureReportInput["strata"] } | undefined {
  const c = table.columns.indexOf(measure);
  if (c < 0) return undefined;
  return {
    total: table.totals[c] as Cell,
    strata: {
      stratifier: "month",
      values: table.rows.map((r) => ({ key: r.key, cell: r.cells[c] as Cell })),
    },
  };
}

/** The measures that have a monthly column, in the table's order. */
export function monthlyMeasures(table: SuppressedTable): MeasureId[] {
  return table.columns.filter((c): c is MeasureId =>
    ["education-offered", "referrals-offered", ...TASK_COUNT_MEASURES].includes(c),
  );
}

/** A check that the period's months are what the strata list (used by tests and the export). */
export function periodMonths(period: Period): string[] {
  return monthsOf(period);
}

/** A breakdown table's column as strata (a setting or language table's rows). */
export function columnStrata(
  table: SuppressedTable,
  column: string,
  stratifier: Strata["stratifier"],
): Strata | undefined {
  const c = table.columns.indexOf(column);
  if (c < 0) return undefined;
  return { stratifier, values: table.rows.map((r) => ({ key: r.key, cell: r.cells[c] as Cell })) };
}
