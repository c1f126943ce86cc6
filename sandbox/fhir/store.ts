// The in-memory store: Medplum's MemoryRepository with three things a FHIR server needs and
// it lacks:
//  1. real transactions — withTransaction() snapshots the maps and restores them when the
//     callback throws, so a transaction Bundle is all-or-nothing;
//  2. integer version ids ("1", "2", …) so ETags read like a real server's;
//  3. no-op updates: a PUT whose content equals the current version keeps that version, so
//     loading the seed twice changes nothing (HAPI does the same);
//  4. a fast path for `identifier=system|value`, the search every conditional create
//     (ifNoneExist) runs, twice per entry: MemoryRepository evaluates FHIRPath on every stored
//     resource of the type, which made each transaction slower as the store grew and, in a
//     burst, held the event loop for seconds (see sandbox/burst.test.ts).

import { deepClone, Operator, OperationOutcomeError, preconditionFailed } from "@medplum/core";
import type { SearchRequest } from "@medplum/core";
import type { Bundle, Identifier, Resource } from "@medplum/fhirtypes";
import { MemoryRepository } from "@medplum/fhir-router";
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

  constructor() {
    super();
    const internals = this.internals();
    if (!(internals.resources instanceof Map) || !(internals.history instanceof Map)) {
      throw new Error("MemoryRepository internals changed: sandbox/fhir/store.ts needs updating");
    }
  }

  private internals(): MemoryInternals {
    return this as unknown as MemoryInternals;
  }

  /** Runs the callback as one unit: on error every change it made is undone. Nested calls join the outer one. */
  override async withTransaction<TResult>(
    callback: (client: undefined) => Promise<TResult>,
  ): Promise<TResult> {
    if (this.depth > 0) return callback(undefined);
    // No lock is needed: the store does no I/O, so a transaction runs to completion within
    // one microtask drain and no other request can interleave with it.
    const snapshot = this.snapshot();
    this.depth++;
    try {
      return await callback(undefined);
    } catch (err) {
      this.restore(snapshot);
      throw err;
    } finally {
      this.depth--;
    }
  }

  private snapshot(): MemoryInternals {
    const { resources, history } = this.internals();
    // Stored resources are never mutated in place (reads return clones), so copying the
    // maps and the history arrays is enough.
    return {
      resources: new Map([...resources].map(([type, byId]) => [type, new Map(byId)])),
      history: new Map(
        [...history].map(([type, byId]) => [
          type,
          new Map([...byId].map(([id, v]) => [id, [...v]])),
        ]),
      ),
    };
  }

  private restore(snapshot: MemoryInternals): void {
    const { resources, history } = this.internals();
    resources.clear();
    for (const [k, v] of snapshot.resources) resources.set(k, v);
    history.clear();
    for (const [k, v] of snapshot.history) history.set(k, v);
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
    return super.createResource(result) as Promise<WithId<T>>;
  }

  override async search<T extends Resource>(request: SearchRequest<T>): Promise<Bundle<WithId<T>>> {
    const only = request.filters?.length === 1 ? request.filters[0] : undefined;
    const token =
      only?.code === "identifier" && only.operator === Operator.EQUALS
        ? /^([^|,\\$]+)\|([^|,\\$]+)$/.exec(only.value)
        : null;
    if (
      !token ||
      request.sortRules?.length ||
      request.include?.length ||
      request.revInclude?.length ||
      request.total ||
      request.summary ||
      request.fields
    ) {
      return super.search(request);
    }
    const [, system, value] = token;
    const matches: Resource[] = [];
    for (const resource of this.internals().resources.get(request.resourceType)?.values() ?? []) {
      const ids = (resource as { identifier?: Identifier[] }).identifier;
      if (ids?.some((i) => i.system === system && i.value === value)) matches.push(resource);
    }
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
