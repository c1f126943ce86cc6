// Search filters the sandbox matches with plain property reads instead of Medplum's FHIRPath
// evaluation: the parameters the app's searches and the report's `_summary=count` use most
// (status, codes, references, dates). Anything else — another parameter, a modifier, a prefix
// other than ge / lt / le / gt on a full date-time — goes to Medplum's matcher, so results
// never differ, only the time (sandbox/fhir/fastMatch.test.ts compares both).

import type { Filter } from "@medplum/core";
import type { Resource } from "@medplum/fhirtypes";

type Coding = { system?: string; code?: string };
type Concept = { coding?: Coding[] } | undefined;
type Ref = { reference?: string } | undefined;
type R = Record<string, unknown>;

// Getters return the element as stored (one value or an array), so matching allocates nothing.
export type Getter =
  | { kind: "code"; get: (r: R) => string | undefined }
  | { kind: "concept"; get: (r: R) => Concept | Concept[] }
  | { kind: "reference"; get: (r: R) => Ref | Ref[] }
  | { kind: "instant"; get: (r: R) => string | undefined }
  | { kind: "period"; get: (r: R) => { start?: string; end?: string } | undefined };

const concept = (key: string) => (r: R) => r[key] as Concept;
const concepts = (key: string) => (r: R) => r[key] as Concept[] | undefined;
const reference = (key: string) => (r: R) => r[key] as Ref;
const references = (key: string) => (r: R) => r[key] as Ref[] | undefined;

function some<T>(v: T | T[] | undefined, test: (x: T) => boolean): boolean {
  if (v === undefined) return false;
  if (Array.isArray(v)) return v.some(test);
  return test(v);
}
const str = (key: string) => (r: R) => r[key] as string | undefined;

const COMMON: Record<string, Getter> = {
  _lastUpdated: {
    kind: "instant",
    get: (r) => (r.meta as { lastUpdated?: string } | undefined)?.lastUpdated,
  },
};

type Ext = { url?: string; valueCoding?: Coding; valueCode?: string; extension?: Ext[] };
const VISIT_SETTING = "https://warm-referral.org/fhir/StructureDefinition/wr-visit-setting";
const CARD_TYPES = "https://warm-referral.org/fhir/StructureDefinition/wr-safety-card-types";

/** wr-visit-setting (a Coding) as a concept. */
const visitSetting = (r: R): Concept[] =>
  ((r.extension as Ext[] | undefined) ?? [])
    .filter((e) => e.url === VISIT_SETTING && e.valueCoding)
    .map((e) => ({ coding: [e.valueCoding as Coding] }));

/** The languages of wr-safety-card-types (codes, no system) as concepts. */
const cardLanguages = (r: R): Concept[] =>
  ((r.extension as Ext[] | undefined) ?? [])
    .filter((e) => e.url === CARD_TYPES)
    .flatMap((e) => e.extension ?? [])
    .filter((p) => p.url === "language" && p.valueCode)
    .map((p) => ({ coding: [{ code: p.valueCode }] }));

const BY_TYPE: Record<string, Record<string, Getter>> = {
  Task: {
    status: { kind: "code", get: str("status") },
    priority: { kind: "code", get: str("priority") },
    intent: { kind: "code", get: str("intent") },
    code: { kind: "concept", get: concept("code") },
    "business-status": { kind: "concept", get: concept("businessStatus") },
    owner: { kind: "reference", get: reference("owner") },
    requester: { kind: "reference", get: reference("requester") },
    focus: { kind: "reference", get: reference("focus") },
    patient: { kind: "reference", get: reference("for") },
    subject: { kind: "reference", get: reference("for") },
    "authored-on": { kind: "instant", get: str("authoredOn") },
    modified: { kind: "instant", get: str("lastModified") },
  },
  ServiceRequest: {
    status: { kind: "code", get: str("status") },
    priority: { kind: "code", get: str("priority") },
    intent: { kind: "code", get: str("intent") },
    code: { kind: "concept", get: concept("code") },
    category: { kind: "concept", get: concepts("category") },
    requester: { kind: "reference", get: reference("requester") },
    performer: { kind: "reference", get: references("performer") },
    patient: { kind: "reference", get: reference("subject") },
    subject: { kind: "reference", get: reference("subject") },
    authored: { kind: "instant", get: str("authoredOn") },
    "visit-setting": { kind: "concept", get: visitSetting },
  },
  Procedure: {
    status: { kind: "code", get: str("status") },
    code: { kind: "concept", get: concept("code") },
    patient: { kind: "reference", get: reference("subject") },
    subject: { kind: "reference", get: reference("subject") },
    date: { kind: "instant", get: str("performedDateTime") },
    "visit-setting": { kind: "concept", get: visitSetting },
    "card-language": { kind: "concept", get: cardLanguages },
  },
  Encounter: {
    status: { kind: "code", get: str("status") },
    patient: { kind: "reference", get: reference("subject") },
    subject: { kind: "reference", get: reference("subject") },
    date: { kind: "period", get: (r) => r.period as { start?: string; end?: string } | undefined },
  },
  Consent: {
    status: { kind: "code", get: str("status") },
    patient: { kind: "reference", get: reference("patient") },
  },
};

/** A full date-time with a zone (what every stored instant here is): compared as numbers. */
export const FULL_INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;
const DATE_VALUE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

/** Start and end (exclusive) of a search date value such as 2026, 2026-05 or 2026-05-01. */
export function dateRange(value: string): [number, number] | undefined {
  if (!DATE_VALUE.test(value)) return undefined;
  const [y = 0, m, d] = value.split("-").map(Number);
  const start = Date.UTC(y, (m ?? 1) - 1, d ?? 1);
  const end =
    d !== undefined
      ? Date.UTC(y, (m ?? 1) - 1, d + 1)
      : m !== undefined
        ? Date.UTC(y, m, 1)
        : Date.UTC(y + 1, 0, 1);
  return [start, end];
}

function tokenTest(value: string): ((c: Coding) => boolean) | undefined {
  const options = value.split(",").map((v) => {
    const bar = v.indexOf("|");
    return bar < 0 ? { code: v } : { system: v.slice(0, bar), code: v.slice(bar + 1) };
  });
  // "|code" (no system) and "system|" (any code) are left to Medplum's matcher.
  if (options.some((o) => !o.code || o.system === "")) return undefined;
  return (c) =>
    options.some((o) => o.code === c.code && (o.system === undefined || o.system === c.system));
}

/** The fast getter of a search parameter of this type, if it has one. */
export function getterFor(resourceType: string, code: string): Getter | undefined {
  const own = BY_TYPE[resourceType];
  if (own && Object.hasOwn(own, code)) return own[code];
  return Object.hasOwn(COMMON, code) ? COMMON[code] : undefined;
}

export function compileOne(getter: Getter, filter: Filter): ((r: R) => boolean) | undefined {
  const { operator, value } = filter;
  switch (getter.kind) {
    case "code": {
      if (operator !== "eq" || value.includes("|")) return undefined;
      const set = new Set(value.split(","));
      return (r) => {
        const v = getter.get(r);
        return v !== undefined && set.has(v);
      };
    }
    case "concept": {
      // `:not` (the report's "connected" count leaves two refinements out) is the negation:
      // no coding matches, which includes a resource without the element, as Medplum has it.
      if (operator !== "eq" && operator !== "not") return undefined;
      const test = tokenTest(value);
      if (!test) return undefined;
      const matches = (r: R) => some(getter.get(r), (c) => !!c?.coding?.some(test));
      return operator === "not" ? (r) => !matches(r) : matches;
    }
    case "reference": {
      if (operator !== "eq") return undefined;
      const set = new Set(value.split(","));
      if ([...set].some((v) => !/^[A-Z][A-Za-z]+\/[A-Za-z0-9\-.]+$/.test(v))) return undefined;
      return (r) => some(getter.get(r), (x) => !!x?.reference && set.has(x.reference));
    }
    case "period": {
      // Medplum's rule for a Period: ge when it ends at or after the bound, lt when it starts
      // before it (an open end is "9999", an open start "0000"); strings compared, UTC bounds.
      const range = dateRange(value);
      if (!range || (operator !== "ge" && operator !== "lt")) return undefined;
      const bound = new Date(range[0]).toISOString();
      return (r) => {
        const p = getter.get(r);
        if (!p) return false;
        return operator === "ge" ? (p.end ?? "9999") >= bound : (p.start ?? "0000") < bound;
      };
    }
    case "instant": {
      const range = dateRange(value);
      if (!range) return undefined;
      const [start, end] = range;
      // The stored value as a range: an instant is a point; a date covers its day (month, year).
      // UTC instants ("…Z") compare as strings against the bounds in the same form (equal
      // instants written with and without milliseconds still order correctly at the bound).
      const startIso = new Date(start).toISOString();
      const endIso = new Date(end).toISOString();
      const utc: Record<string, ((v: string) => boolean) | undefined> = {
        ge: (v) => v >= startIso,
        lt: (v) => v < startIso,
        gt: (v) => v >= endIso,
        le: (v) => v < endIso,
      };
      const stored = (v: string): [number, number] | undefined => {
        if (FULL_INSTANT.test(v)) {
          const t = Date.parse(v);
          return [t, t + 1];
        }
        return dateRange(v);
      };
      const cmp: Record<string, ((s: number, e: number) => boolean) | undefined> = {
        ge: (_s, e) => e > start,
        lt: (s) => s < start,
        gt: (_s, e) => e > end,
        le: (s) => s < end,
      };
      const test = cmp[operator];
      if (!test) return undefined;
      const fastUtc = utc[operator];
      return (r) => {
        const v = getter.get(r);
        if (v !== undefined && fastUtc && v.length >= 20 && v.endsWith("Z") && v[10] === "T")
          return fastUtc(v);
        const range = v === undefined ? undefined : stored(v);
        return range !== undefined && test(range[0], range[1]);
      };
    }
  }
}

/**
 * Splits the filters into a fast predicate and the rest (for Medplum's matcher). A filter is
 * fast only for a known parameter and operator; otherwise it goes to `rest`.
 */
export function compileFilters(
  resourceType: string,
  filters: readonly Filter[],
): { fast: (resource: Resource) => boolean; rest: Filter[] } {
  const tests: ((r: R) => boolean)[] = [];
  const rest: Filter[] = [];
  const ORDER = { code: 0, reference: 1, concept: 2, instant: 3, period: 4 } as const;
  const compiled: { rank: number; test: (r: R) => boolean }[] = [];
  for (const f of filters) {
    const getter = getterFor(resourceType, f.code);
    const test = getter ? compileOne(getter, f) : undefined;
    if (test && getter) compiled.push({ rank: ORDER[getter.kind], test });
    else rest.push(f);
  }
  // Cheapest first: a code comparison rules most resources out before any date is read.
  for (const c of compiled.sort((a, b) => a.rank - b.rank)) tests.push(c.test);
  return {
    fast: (resource) => tests.every((t) => t(resource as unknown as R)),
    rest,
  };
}
