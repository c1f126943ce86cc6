// The in-memory store: Medplum's MemoryRepository with three things a FHIR server needs and
// it lacks:
//  1. real transactions — withTransaction() journals the prior state of each resource it
//     writes (not a copy of the whole store) and puts it back when the callback throws, so a
//     transaction Bundle is all-or-nothing at any store size;
//  2. integer version ids ("1", "2", …) so ETags read like a real server's;
//  3. no-op updates: a PUT whose content equals the current version keeps that version, so
//     loading the seed twice changes nothing (HAPI does the same);
//  4. an identifier index for `identifier=system|value`, the search every conditional create
//     (ifNoneExist) runs, twice per entry: MemoryRepository evaluates FHIRPath on every stored
//     resource of the type, which made each transaction slower as the store grew and, in a
//     burst, held the event loop for seconds (see sandbox/burst.test.ts);
//  5. searches that match the common parameters (status, codes, references, dates) with plain
//     property reads (fastMatch.ts) instead of FHIRPath, and clone only the page served — so a
//     `_summary=count` over 100,000 Tasks takes milliseconds (npm run bench);
//  6. search indexes (searchIndex.ts) that hand those filters only the candidates that can
//     match, rebuilt lazily after a write to the type.

import { deepClone, Operator, OperationOutcomeError, preconditionFailed } from "@medplum/core";
import type { SearchRequest } from "@medplum/core";
import type { Bundle, Identifier, Resource } from "@medplum/fhirtypes";
import { matchesSearchRequest } from "@medplum/core";
import { MemoryRepository } from "@medplum/fhir-router";
import { compileFilters } from "./fastMatch";
import { SearchIndex } from "./searchIndex";
import type { UpdateResourceOptions } from "@medplum/fhir-router";

type WithId<T> = T & { id: string };

/**
 * MemoryRepository keeps its data in two private maps. We reach them for snapshots and
 * version numbers. Checked at construction so an upgrade that renames them fails loudly.
 */
interface MemoryInternals {
  resources: Map<string, Map<string, Resource>>;
  history: Map<string, Map<string, Resource[]>>;
}

export class SandboxStore extends MemoryRepository {
  private depth = 0;
  /** Prior state of each resource written in the open transaction (first write wins). */
  private journal: Map<string, { resource: Resource | undefined; versions: number }> | null = null;
  /** "type|system|value" → ids; entries may be stale (checked on lookup). */
  private readonly identifiers = new Map<string, Set<string>>();
  private readonly searchIndex: SearchIndex;

  /** `indexFrom`: how many resources of a type make its searches indexed (searchIndex.ts). */
  constructor(options: { indexFrom?: number } = {}) {
    super();
    this.searchIndex = new SearchIndex(options.indexFrom);
    const internals = this.internals();
    if (!(internals.resources instanceof Map) || !(internals.history instanceof Map)) {
      throw new Error("MemoryRepository internals changed: sandbox/fhir/store.ts needs updating");
    }
  }

  private internals(): MemoryInternals {
    return this as unknown as MemoryInternals;
  }

  override clear(): void {
    super.clear();
    this.identifiers.clear();
    this.searchIndex.invalidate();
  }

  /** Runs the callback as one unit: on error every change it made is undone. Nested calls join the outer one. */
  override async withTransaction<TResult>(
    callback: (client: undefined) => Promise<TResult>,
  ): Promise<TResult> {
    if (this.depth > 0) return callback(undefined);
    // No lock is needed: the store does no I/O, so a transaction runs to completion within
    // one microtask drain and no other request can interleave with it.
    this.journal = new Map();
    this.depth++;
    try {
      return await callback(undefined);
    } catch (err) {
      this.rollback();
      throw err;
    } finally {
      this.depth--;
      this.journal = null;
    }
  }

  /** Notes a resource's state before its first write in the open transaction. */
  private remember(resourceType: string, id: string): void {
    this.searchIndex.invalidate(resourceType);
    const key = `${resourceType}/${id}`;
    if (!this.journal || this.journal.has(key)) return;
    const { resources, history } = this.internals();
    this.journal.set(key, {
      resource: resources.get(resourceType)?.get(id),
      versions: history.get(resourceType)?.get(id)?.length ?? 0,
    });
  }

  private rollback(): void {
    const { resources, history } = this.internals();
    for (const [key, prior] of this.journal ?? []) {
      const [type = "", id = ""] = key.split("/");
      this.searchIndex.invalidate(type);
      if (prior.resource) resources.get(type)?.set(id, prior.resource);
      else resources.get(type)?.delete(id);
      const versions = history.get(type)?.get(id);
      if (versions) {
        if (prior.versions === 0) history.get(type)?.delete(id);
        else versions.length = prior.versions;
      }
    }
  }

  private index(resource: Resource): void {
    for (const i of (resource as { identifier?: Identifier[] }).identifier ?? []) {
      if (!i.system || !i.value) continue;
      const key = `${resource.resourceType}|${i.system}|${i.value}`;
      const ids = this.identifiers.get(key) ?? new Set<string>();
      ids.add(resource.id ?? "");
      this.identifiers.set(key, ids);
    }
  }

  /** Stored resources with this identifier (the index, checked against what is stored now). */
  private byIdentifier(resourceType: string, system: string, value: string): Resource[] {
    const ids = this.identifiers.get(`${resourceType}|${system}|${value}`);
    const byId = this.internals().resources.get(resourceType);
    const found: Resource[] = [];
    for (const id of ids ?? []) {
      const r = byId?.get(id);
      const list = (r as { identifier?: Identifier[] } | undefined)?.identifier;
      if (r && list?.some((i) => i.system === system && i.value === value)) found.push(r);
    }
    return found;
  }

  /**
   * Loads many resources at once (synthetic load, sandbox/seed/load.ts): version 1 each, indexed,
   * without the per-write clones. Trusted input only; not inside a transaction.
   */
  bulkLoad(resources: readonly Resource[]): void {
    const { resources: byType, history } = this.internals();
    const lastUpdated = new Date().toISOString();
    for (const input of resources) {
      const r = {
        ...input,
        id: input.id ?? this.generateId(),
        meta: { ...input.meta, versionId: "1", lastUpdated },
      } as Resource;
      const id = r.id as string;
      let map = byType.get(r.resourceType);
      if (!map) byType.set(r.resourceType, (map = new Map()));
      map.set(id, r);
      let h = history.get(r.resourceType);
      if (!h) history.set(r.resourceType, (h = new Map()));
      h.set(id, [r]);
      this.index(r);
      this.searchIndex.invalidate(r.resourceType);
    }
  }

  /** Current stored version, or undefined. No clone: callers must not mutate it. */
  peek(resourceType: string, id: string): Resource | undefined {
    return this.internals().resources.get(resourceType)?.get(id);
  }

  /** Every current resource of a type. No clones: callers must not mutate them. */
  list(resourceType: string): Resource[] {
    return [...(this.internals().resources.get(resourceType)?.values() ?? [])];
  }

  override async createResource<T extends Resource>(resource: T): Promise<WithId<T>> {
    const result = deepClone(resource) as WithId<T>;
    if (!result.id) result.id = this.generateId();
    const versions = this.internals().history.get(result.resourceType)?.get(result.id)?.length ?? 0;
    // Whatever the client put in meta.versionId / lastUpdated is replaced: the server owns them.
    result.meta = {
      ...result.meta,
      versionId: String(versions + 1),
      lastUpdated: new Date().toISOString(),
    };
    this.remember(result.resourceType, result.id);
    this.index(result);
    const created = await super.createResource(result);
    this.searchIndex.invalidate(result.resourceType);
    return created as WithId<T>;
  }

  override async deleteResource(resourceType: string, id: string): Promise<void> {
    this.remember(resourceType, id);
    await super.deleteResource(resourceType, id);
    this.searchIndex.invalidate(resourceType);
  }

  /**
   * The stored resources matching the request, in store order, not cloned (callers must not
   * mutate them nor the array, which may be cached), without paging: the scoped repository applies visibility, then pages.
   */
  matchAll(request: SearchRequest, nextPage = false): Resource[] {
    const only = request.filters?.length === 1 ? request.filters[0] : undefined;
    const token =
      only?.code === "identifier" && only.operator === Operator.EQUALS
        ? /^([^|,\\$]+)\|([^|,\\$]+)$/.exec(only.value)
        : null;
    let matches: Resource[];
    if (token) {
      matches = this.byIdentifier(request.resourceType, token[1] ?? "", token[2] ?? "");
    } else {
      matches = this.searchIndex.matches(
        request.resourceType,
        this.internals().resources.get(request.resourceType),
        request.filters ?? [],
        (candidates, filters) => {
          if (!filters.length) return [...candidates];
          const { fast, rest } = compileFilters(request.resourceType, filters);
          const slow = rest.length ? { resourceType: request.resourceType, filters: rest } : null;
          const found: Resource[] = [];
          for (const resource of candidates)
            if (fast(resource) && (!slow || matchesSearchRequest(resource, slow)))
              found.push(resource);
          return found;
        },
        nextPage,
      );
    }
    return matches;
  }

  override async search<T extends Resource>(request: SearchRequest<T>): Promise<Bundle<WithId<T>>> {
    if (request.sortRules?.length || request.include?.length || request.revInclude?.length) {
      return super.search(request);
    }
    const matches = this.matchAll(request);
    const offset = Math.max(0, request.offset ?? 0);
    const page =
      request.count === undefined
        ? matches.slice(offset)
        : matches.slice(offset, offset + request.count);
    return {
      resourceType: "Bundle",
      type: "searchset",
      ...(page.length ? { entry: page.map((r) => ({ resource: deepClone(r) as WithId<T> })) } : {}),
      total: matches.length,
    };
  }

  override async updateResource<T extends Resource>(
    resource: T,
    options?: UpdateResourceOptions,
  ): Promise<WithId<T>> {
    const existing = resource.id ? this.peek(resource.resourceType, resource.id) : undefined;
    if (existing && options?.ifMatch && existing.meta?.versionId !== options.ifMatch) {
      throw new OperationOutcomeError(preconditionFailed);
    }
    if (existing && sameContent(existing, resource)) {
      return deepClone(existing) as WithId<T>;
    }
    return super.updateResource(resource, options);
  }
}

/** Equal apart from the server-owned meta.versionId / meta.lastUpdated, ignoring key order. */
export function sameContent(a: Resource, b: Resource): boolean {
  return canonical(stripServerMeta(a)) === canonical(stripServerMeta(b));
}

function stripServerMeta(r: Resource): Resource {
  const copy = deepClone(r);
  if (copy.meta) {
    delete copy.meta.versionId;
    delete copy.meta.lastUpdated;
    if (Object.keys(copy.meta).length === 0) delete copy.meta;
  }
  return copy;
}

function canonical(value: unknown): string {
  return JSON.stringify(value, (_key, v: unknown) =>
    v && typeof v === "object" && !Array.isArray(v)
      ? Object.fromEntries(
          Object.entries(v as Record<string, unknown>).sort(([x], [y]) => x.localeCompare(y)),
        )
      : v,
  );
}
