import type { Bundle, Resource } from "fhir/r4";

// An in-memory FHIR store for msw handlers, shared by the unit and component tests. It keeps
// versions (for ETag / If-Match), answers reads and simple searches, and records every request
// so tests can assert what the app sent.

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

export class FhirStore {
  private resources = new Map<string, Resource>();
  private nextId = 1;
  readonly requests: RecordedRequest[] = [];

  constructor(seed: Resource[] = []) {
    for (const resource of seed) this.put(resource);
  }

  put<T extends Resource>(resource: T): T {
    const id = resource.id ?? `gen-${this.nextId++}`;
    const previous = this.resources.get(`${resource.resourceType}/${id}`);
    const version = previous?.meta?.versionId ? Number(previous.meta.versionId) + 1 : 1;
    const stored = {
      ...resource,
      id,
      meta: { ...resource.meta, versionId: String(version), lastUpdated: new Date().toISOString() },
    } as T;
    this.resources.set(`${resource.resourceType}/${id}`, stored);
    return stored;
  }

  get(type: string, id: string): Resource | undefined {
    return this.resources.get(`${type}/${id}`);
  }

  all(type?: string): Resource[] {
    return [...this.resources.values()].filter((r) => !type || r.resourceType === type);
  }

  /**
   * Equality search on top-level string/reference fields, e.g. { subject: "Patient/1" }, plus
   * `_id` and `_revinclude=Type:field` (resources whose top-level reference points at a match).
   */
  search(type: string, params: URLSearchParams): Bundle {
    const matches = this.all(type).filter((resource) =>
      [...params.entries()].every(([name, value]) => {
        if (name === "_id") return resource.id === value;
        if (name.startsWith("_")) return true;
        const field = (resource as unknown as Record<string, unknown>)[name];
        if (typeof field === "string") return field === value;
        if (field && typeof field === "object" && "reference" in field)
          return (field as { reference?: string }).reference === value;
        return false;
      }),
    );
    const included = params.getAll("_revinclude").flatMap((spec) => {
      const [sourceType, field] = spec.split(":");
      if (!sourceType || !field) return [];
      const targets = new Set(matches.map((m) => `${m.resourceType}/${m.id}`));
      return this.all(sourceType).filter((r) => {
        const ref = (r as unknown as Record<string, { reference?: string } | undefined>)[field];
        return typeof ref?.reference === "string" && targets.has(ref.reference);
      });
    });
    return {
      resourceType: "Bundle",
      type: "searchset",
      total: matches.length,
      entry: [
        ...matches.map((resource) => ({ resource, search: { mode: "match" as const } })),
        ...included.map((resource) => ({ resource, search: { mode: "include" as const } })),
      ],
    };
  }
}
