import * as z from "zod/mini";
import type { Breakdowns, BreakdownSupport } from "../domain/reportBreakdowns";
import { addMonths, monthsOf, periodBounds } from "../domain/reports";
import { CANONICAL_BASE, CODE_SYSTEM } from "./canonical";
import { CODES } from "./codes";
import { FailureError } from "./failures";
import type { FhirHttp } from "./http";
import { REFERRAL_CODES, type ReportQuery } from "./reports";

// The report's breakdowns by visit setting and by card language, and the count of visits
// (Encounters) for the education share (docs/reports.md). Each needs the server to say it can:
// the search parameter listed in its CapabilityStatement (our SearchParameters
// wr-visit-setting and wr-card-language, fhir-profiles/input/fsh/search-parameters.fsh; the
// core Encounter `date`) and batch Bundles. All of them are `_summary=count` searches sent
// together in ONE batch Bundle, so the whole report stays within its request budget.

const SEARCH_PARAMETER = `${CANONICAL_BASE}/SearchParameter`;

const statement = z.looseObject({
  resourceType: z.literal("CapabilityStatement"),
  rest: z.optional(
    z.array(
      z.looseObject({
        interaction: z.optional(z.array(z.looseObject({ code: z.string() }))),
        resource: z.optional(
          z.array(
            z.looseObject({
              type: z.string(),
              interaction: z.optional(z.array(z.looseObject({ code: z.string() }))),
              searchParam: z.optional(
                z.array(z.looseObject({ name: z.string(), definition: z.optional(z.string()) })),
              ),
            }),
          ),
        ),
      }),
    ),
  ),
});

/** What the server's CapabilityStatement says the breakdowns can use. */
export function breakdownSupport(capability: unknown): BreakdownSupport {
  const parsed = statement.safeParse(capability);
  const rest = parsed.success ? parsed.data.rest?.[0] : undefined;
  const batch = !!rest?.interaction?.some((i) => i.code === "batch");
  const resource = (type: string) => rest?.resource?.find((r) => r.type === type);
  const searchable = (type: string) =>
    !!resource(type)?.interaction?.some((i) => i.code === "search-type");
  // Our parameters are recognised by their canonical definition, never by a name alone.
  const ours = (type: string, name: string) =>
    searchable(type) &&
    !!resource(type)?.searchParam?.some(
      (p) => p.name === name && p.definition === `${SEARCH_PARAMETER}/wr-${name}`,
    );
  return {
    setting: batch && ours("ServiceRequest", "visit-setting") && ours("Procedure", "visit-setting"),
    language: batch && ours("Procedure", "card-language"),
    visits:
      batch &&
      searchable("Encounter") &&
      !!resource("Encounter")?.searchParam?.some((p) => p.name === "date"),
  };
}

function path(type: string, params: [string, string][]): string {
  return `${type}?${new URLSearchParams([...params, ["_summary", "count"]]).toString()}`;
}

const EDUCATION: [string, string] = ["code", `${CODE_SYSTEM.activity}|universal-education`];

/** The batch's count searches, by key (setting:…, language:…, visits:<month>). */
export function breakdownPaths(
  q: ReportQuery,
  support: BreakdownSupport,
  languages: readonly string[],
): Record<string, string> {
  const { start, end } = periodBounds(q.period);
  const paths: Record<string, string> = {};
  const between = (name: string, from: string, to: string): [string, string][] => [
    [name, `ge${from}`],
    [name, `lt${to}`],
  ];
  if (support.setting)
    for (const s of CODES.visitSetting) {
      const token: [string, string] = ["visit-setting", `${CODE_SYSTEM.visitSetting}|${s}`];
      paths[`setting:education:${s}`] = path("Procedure", [
        EDUCATION,
        token,
        ...between("date", start, end),
      ]);
      paths[`setting:offered:${s}`] = path("ServiceRequest", [
        ["code", REFERRAL_CODES],
        token,
        ...between("authored", start, end),
      ]);
    }
  if (support.language)
    for (const l of languages)
      paths[`language:${l}`] = path("Procedure", [
        EDUCATION,
        ["card-language", l],
        ...between("date", start, end),
      ]);
  if (support.visits)
    for (const m of monthsOf(q.period))
      paths[`visits:${m}`] = path("Encounter", between("date", `${m}-01`, `${addMonths(m, 1)}-01`));
  return paths;
}

const batchResponse = z.looseObject({
  resourceType: z.literal("Bundle"),
  entry: z.optional(
    z.array(
      z.looseObject({
        resource: z.optional(
          z.looseObject({ resourceType: z.string(), total: z.optional(z.number()) }),
        ),
        response: z.optional(z.looseObject({ status: z.string() })),
      }),
    ),
  ),
});

/**
 * Runs the breakdown counts as one batch Bundle. An entry the server answered with an error
 * (or without a total) makes its breakdown unavailable rather than a wrong number.
 */
export async function fetchBreakdowns(
  http: FhirHttp,
  q: ReportQuery,
  support: BreakdownSupport,
  languages: readonly string[],
): Promise<Breakdowns> {
  const entries = Object.entries(breakdownPaths(q, support, languages));
  const totals = new Map<string, number>();
  if (entries.length) {
    const response = await http.request(batchResponse, "", {
      method: "POST",
      body: {
        resourceType: "Bundle",
        type: "batch",
        entry: entries.map(([, url]) => ({ request: { method: "GET", url } })),
      },
    });
    const answers = response.body.entry ?? [];
    if (answers.length !== entries.length)
      throw new FailureError({ kind: "bad-response", what: "batch (entries)" });
    entries.forEach(([key], i) => {
      const answer = answers[i];
      const ok = /^2\d\d/.test(answer?.response?.status ?? "");
      const total = answer?.resource?.resourceType === "Bundle" ? answer.resource.total : undefined;
      if (ok && typeof total === "number") totals.set(key, total);
    });
  }
  const all = (keys: string[]) => keys.every((k) => totals.has(k));
  const read = (keys: readonly string[], prefix: string) =>
    Object.fromEntries(keys.map((k) => [k, totals.get(`${prefix}${k}`) ?? 0]));
  const settings = CODES.visitSetting;
  const months = monthsOf(q.period);
  const settingKeys = settings.flatMap((s) => [`setting:education:${s}`, `setting:offered:${s}`]);
  return {
    ...(support.setting && all(settingKeys)
      ? {
          setting: {
            education: read(settings, "setting:education:"),
            offered: read(settings, "setting:offered:"),
          },
        }
      : {}),
    ...(support.language && all(languages.map((l) => `language:${l}`))
      ? { language: read(languages, "language:") }
      : {}),
    ...(support.visits && all(months.map((m) => `visits:${m}`))
      ? { visitsByMonth: read(months, "visits:") }
      : {}),
  };
}

const anyJson = z.unknown();

/**
 * Reads the server's CapabilityStatement for the breakdowns. A server without a readable
 * statement gets every breakdown marked not available (never a guess).
 */
export async function fetchBreakdownSupport(http: FhirHttp): Promise<BreakdownSupport> {
  try {
    return breakdownSupport((await http.request(anyJson, "metadata")).body);
  } catch {
    return { setting: false, language: false, visits: false };
  }
}
