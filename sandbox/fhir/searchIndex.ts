// Search indexes for the sandbox store. For the filters fastMatch.ts compiles with equality
// (status, codes, business status, owner and other references) and for dates (authored,
// authored-on, date, _lastUpdated), the index answers which resources match without reading
// them: each filter's posting list (or a range of sorted dates) is exact, and the lists are
// intersected. Only what the index cannot answer exactly — another parameter, a modifier such
// as `:not`, a stored date that is not a UTC instant — is then checked resource by resource,
// by the same predicate as before (fast filters, then Medplum's matcher). So a
// `_summary=count` over 100,000 Tasks touches no resource, and results are identical to a
// full scan (searchIndex.test.ts compares both on a seeded store).
//
// Built lazily per resource type and parameter, dropped when anything of that type is written
// (the store calls `invalidate`), so a write costs nothing and the next search rebuilds.

import type { Filter } from "@medplum/core";
import type { Resource } from "@medplum/fhirtypes";
import { compileOne, dateRange, getterFor, type Getter } from "./fastMatch";

type R = Record<string, unknown>;

/** Positions (store order) of the resources under each key. */
type TokenIndex = Map<string, number[]>;

/** UTC instants the fast matcher compares as strings, sorted; other stored dates apart. */
interface InstantIndex {
  values: string[];
  positions: Int32Array;
  /** Positions whose value is a date or an instant with a zone: checked one by one. */
  others: number[];
}

interface TypeIndex {
  /** The type's resources in store order, as when the index was built. */
  list: Resource[];
  tokens: Map<string, TokenIndex>;
  instants: Map<string, InstantIndex>;
  /** Matches of recent first pages, served again to their next pages. */
  results: Map<string, Resource[]>;
}

/** One filter (or a parameter's date range) answered by the index. */
interface Plan {
  /** Posting lists whose union is the plan's positions. */
  lists: ArrayLike<number>[];
  /** Filters answered exactly; the others go to the predicate. */
  exact: Filter[];
}

/** Below this many resources of a type a scan is as fast as the index. */
export const MIN_INDEXED = 2000;
const MAX_RESULTS = 32;

/** What the fast matcher's UTC string comparison applies to (fastMatch.ts, "instant"). */
function isUtcInstant(v: string): boolean {
  return v.length >= 20 && v.endsWith("Z") && v[10] === "T";
}

function tokenKeys(getter: Getter, r: R): string[] {
  const keys: string[] = [];
  switch (getter.kind) {
    case "code": {
      const v = getter.get(r);
      if (typeof v === "string") keys.push(v);
      break;
    }
    case "concept": {
      const v = getter.get(r);
      for (const c of Array.isArray(v) ? v : [v])
        for (const coding of Array.isArray(c?.coding) ? (c?.coding ?? []) : []) {
          if (!coding.code) continue;
          keys.push(coding.code);
          if (coding.system) keys.push(`${coding.system}|${coding.code}`);
        }
      break;
    }
    case "reference": {
      const v = getter.get(r);
      for (const x of Array.isArray(v) ? v : [v]) if (x?.reference) keys.push(x.reference);
      break;
    }
    case "instant":
    case "period":
      break;
  }
  return keys;
}

function lowerBound(values: readonly string[], v: string): number {
  let lo = 0;
  let hi = values.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if ((values[mid] as string) < v) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

export class SearchIndex {
  private readonly types = new Map<string, TypeIndex>();

  /** `minIndexed`: a smaller type is scanned (tests index small stores with 1). */
  constructor(private readonly minIndexed = MIN_INDEXED) {}

  /** Something of this type was written (all types when none is named). */
  invalidate(resourceType?: string): void {
    if (resourceType) this.types.delete(resourceType);
    else this.types.clear();
  }

  /**
   * The matches of these filters. `check(candidates, filters)` keeps the candidates matching
   * the filters the index could not answer. With `reuse` (the next pages of a search, like a
   * database cursor) the matches of its first page are served again while nothing of the type
   * was written. Callers must not mutate the array.
   */
  matches(
    resourceType: string,
    stored: Map<string, Resource> | undefined,
    filters: readonly Filter[],
    check: (candidates: Iterable<Resource>, filters: readonly Filter[]) => Resource[],
    reuse = false,
  ): Resource[] {
    if (!stored || stored.size < this.minIndexed || !filters.length)
      return check(stored?.values() ?? [], filters);
    const index = this.typeIndex(resourceType, stored);
    const key = JSON.stringify(filters);
    const cached = reuse ? index.results.get(key) : undefined;
    if (cached) return cached;
    const plans = this.plans(resourceType, index, filters);
    const exact = new Set(plans.flatMap((p) => p.exact));
    const rest = filters.filter((f) => !exact.has(f));
    const result = plans.length
      ? check(this.intersect(index, plans), rest)
      : check(index.list, filters);
    index.results.delete(key);
    if (index.results.size >= MAX_RESULTS)
      index.results.delete(index.results.keys().next().value as string);
    index.results.set(key, result);
    return result;
  }

  private typeIndex(resourceType: string, stored: Map<string, Resource>): TypeIndex {
    let index = this.types.get(resourceType);
    if (!index) {
      index = {
        list: [...stored.values()],
        tokens: new Map(),
        instants: new Map(),
        results: new Map(),
      };
      this.types.set(resourceType, index);
    }
    return index;
  }

  private plans(resourceType: string, index: TypeIndex, filters: readonly Filter[]): Plan[] {
    const plans: Plan[] = [];
    const ranges = new Map<string, { getter: Getter; lo: string; hi: string; filters: Filter[] }>();
    for (const filter of filters) {
      const getter = getterFor(resourceType, filter.code);
      // Only what the fast matcher compiles; for tokens only equality (`:not` is checked).
      if (!getter || !compileOne(getter, filter)) continue;
      if (getter.kind === "instant") {
        const [start, end] = (dateRange(filter.value) as [number, number]).map((t) =>
          new Date(t).toISOString(),
        ) as [string, string];
        const r = ranges.get(filter.code) ?? { getter, lo: "", hi: "\uffff", filters: [] };
        if (filter.operator === "ge") r.lo = r.lo > start ? r.lo : start;
        else if (filter.operator === "gt") r.lo = r.lo > end ? r.lo : end;
        else if (filter.operator === "lt") r.hi = r.hi < start ? r.hi : start;
        else if (filter.operator === "le") r.hi = r.hi < end ? r.hi : end;
        r.filters.push(filter);
        ranges.set(filter.code, r);
        continue;
      }
      if (filter.operator !== "eq") continue;
      const tokens = this.tokenIndex(index, filter.code, getter);
      const keys = [...new Set(filter.value.split(","))];
      plans.push({ lists: keys.map((k) => tokens.get(k) ?? []), exact: [filter] });
    }
    for (const [code, { getter, lo, hi, filters: dated }] of ranges) {
      const instants = this.instantIndex(index, code, getter);
      const from = lowerBound(instants.values, lo);
      const to = Math.max(from, lowerBound(instants.values, hi));
      plans.push({
        lists: [instants.positions.subarray(from, to), instants.others],
        // A stored value that is not a UTC instant is compared by the predicate.
        exact: instants.others.length ? [] : dated,
      });
    }
    return plans;
  }

  /** The positions in every plan, in store order. */
  private intersect(index: TypeIndex, plans: readonly Plan[]): Resource[] {
    if (plans.length === 1) {
      const positions = Int32Array.from(
        new Set((plans[0] as Plan).lists.flatMap((l) => Array.from(l))),
      ).sort();
      return Array.from(positions, (p) => index.list[p] as Resource);
    }
    const n = index.list.length;
    const hits = new Uint8Array(n);
    const seen = new Uint8Array(n);
    for (const plan of plans) {
      if (plan.lists.length === 1) {
        const list = plan.lists[0] as ArrayLike<number>;
        for (let i = 0; i < list.length; i++) (hits[list[i] as number] as number)++;
        continue;
      }
      seen.fill(0);
      for (const list of plan.lists)
        for (let i = 0; i < list.length; i++) {
          const p = list[i] as number;
          if (seen[p]) continue;
          seen[p] = 1;
          (hits[p] as number)++;
        }
    }
    const out: Resource[] = [];
    const need = plans.length;
    for (let p = 0; p < n; p++) if (hits[p] === need) out.push(index.list[p] as Resource);
    return out;
  }

  private tokenIndex(index: TypeIndex, code: string, getter: Getter): TokenIndex {
    let tokens = index.tokens.get(code);
    if (!tokens) {
      const built: TokenIndex = new Map();
      index.list.forEach((resource, position) => {
        for (const key of new Set(tokenKeys(getter, resource as unknown as R))) {
          const list = built.get(key);
          if (list) list.push(position);
          else built.set(key, [position]);
        }
      });
      index.tokens.set(code, (tokens = built));
    }
    return tokens;
  }

  private instantIndex(index: TypeIndex, code: string, getter: Getter): InstantIndex {
    let instants = index.instants.get(code);
    if (!instants) {
      const points: [string, number][] = [];
      const others: number[] = [];
      if (getter.kind === "instant")
        index.list.forEach((resource, position) => {
          const v = getter.get(resource as unknown as R);
          if (typeof v !== "string") return; // a missing date never matches a date filter
          if (isUtcInstant(v)) points.push([v, position]);
          else others.push(position);
        });
      points.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
      instants = {
        values: points.map((p) => p[0]),
        positions: Int32Array.from(points, (p) => p[1]),
        others,
      };
      index.instants.set(code, instants);
    }
    return instants;
  }
}
