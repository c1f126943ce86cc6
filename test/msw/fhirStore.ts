import type { Bundle, OperationOutcome, Resource } from "fhir/r4";

// An in-memory FHIR store for msw handlers, shared by the unit and component tests. It keeps
// versions (for ETag / If-Match), answers reads and simple searches, and records every request
// so tests can assert what the app sent.

export interface RecordedRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: unknown;
}

/** Search parameter names whose element has another name. */
const SEARCH_FIELDS: Record<string, string> = {
  "primary-organization": "organization",
  "participating-organization": "participatingOrganization",
  service: "healthcareService",
};

function fieldOf(resource: Resource, name: string): unknown {
  // Consent?actor= searches the provision's actors (the recipients a consent names).
  if (resource.resourceType === "Consent" && name === "actor") {
    const actors = (resource as { provision?: { actor?: { reference?: unknown }[] } }).provision
      ?.actor;
    return (actors ?? []).map((a) => a.reference);
  }
  return (resource as unknown as Record<string, unknown>)[name];
}

/** The references held in a top-level element (one Reference or a list of them). */
function refsOf(resource: Resource, name: string): string[] {
  const value = fieldOf(resource, name);
  const list = Array.isArray(value) ? value : [value];
  return list
    .map((v) => (v && typeof v === "object" ? (v as { reference?: unknown }).reference : undefined))
    .filter((r): r is string => typeof r === "string");
}

/** Token search on identifier: `system|value` (or a bare value). */
function hasIdentifier(resource: Resource, token: string): boolean {
  const [system, value] = token.includes("|") ? token.split("|") : [undefined, token];
  const ids = (fieldOf(resource, "identifier") ?? []) as { system?: string; value?: string }[];
  // `system|` (no value) matches any identifier of that system.
  return ids.some(
    (id) => (value === "" || id.value === value) && (system === undefined || id.system === system),
  );
}

/** Token search on a CodeableConcept (or a list of them): `system|code`. */
function hasCoding(value: unknown, token: string): boolean {
  const [system, code] = token.split("|");
  const concepts = (Array.isArray(value) ? value : [value]) as
    { coding?: { system?: string; code?: string }[] }[] | undefined[];
  return concepts.some((c) =>
    (c?.coding ?? []).some((x) => x.code === code && (!system || x.system === system)),
  );
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

  /** Forgets every resource for which `drop` says so (tests that start each case afresh). */
  clear(drop: (resource: Resource) => boolean = () => true): void {
    for (const [key, resource] of this.resources) if (drop(resource)) this.resources.delete(key);
  }

  get(type: string, id: string): Resource | undefined {
    return this.resources.get(`${type}/${id}`);
  }

  all(type?: string): Resource[] {
    return [...this.resources.values()].filter((r) => !type || r.resourceType === type);
  }

  /**
   * Equality search on top-level string/reference fields, e.g. { subject: "Patient/1" }, and
   * the identifier token `system|value` (a few search parameter names map to their field, e.g.
   * primary-organization → organization; a comma means OR), plus `_id` (comma-separated),
   * `_profile`, `_lastUpdated` (gt/ge/lt/le), `_include=Type:param` (the resources a match references) and
   * `_revinclude=Type:field` (resources whose top-level reference points at a match).
   */
  search(type: string, params: URLSearchParams): Bundle {
    // Task.for is searched as `subject` (and `patient`).
    const field = (name: string) =>
      type === "Task" && (name === "subject" || name === "patient")
        ? "for"
        : (SEARCH_FIELDS[name] ?? name);
    const matches = this.all(type).filter((resource) =>
      [...params.entries()].every(([name, value]) => {
        if (name === "_id") return value.split(",").includes(resource.id ?? "");
        if (name === "_profile") return (resource.meta?.profile ?? []).includes(value);
        if (name === "_lastUpdated") {
          const m = /^(gt|ge|lt|le|eq)?(.*)$/.exec(value);
          const at = resource.meta?.lastUpdated ?? "";
          const v = m?.[2] ?? "";
          const op = m?.[1] ?? "eq";
          return op === "gt"
            ? at > v
            : op === "ge"
              ? at >= v
              : op === "lt"
                ? at < v
                : op === "le"
                  ? at <= v
                  : at === v;
        }
        if (name.startsWith("_")) return true;
        if (name === "identifier") return hasIdentifier(resource, value);
        // A comma is OR, as in FHIR: status=requested,accepted.
        return value
          .split(",")
          .some(
            (v) =>
              refsOf(resource, field(name)).includes(v) ||
              fieldOf(resource, field(name)) === v ||
              (v.includes("|") && hasCoding(fieldOf(resource, field(name)), v)),
          );
      }),
    );
    const includesOf = (from: Resource[], param: string): Resource[] =>
      from.flatMap((m) =>
        refsOf(m, field(param)).flatMap((ref) => {
          const [t, id] = ref.split("/");
          const found = t && id ? this.get(t, id) : undefined;
          return found ? [found] : [];
        }),
      );
    const direct = params
      .getAll("_include")
      .flatMap((spec) => includesOf(matches, spec.split(":")[1] ?? ""));
    // `_include:iterate` also follows the references of what was included (one level here).
    const iterated = params.getAll("_include:iterate").flatMap((spec) => {
      const [sourceType, param] = spec.split(":");
      const from = [...matches, ...direct].filter((r) => r.resourceType === sourceType);
      return includesOf(from, param ?? "");
    });
    const included = [...direct, ...iterated];
    const revIncluded = params.getAll("_revinclude").flatMap((spec) => {
      const [sourceType, param] = spec.split(":");
      if (!sourceType || !param) return [];
      const targets = new Set(matches.map((m) => `${m.resourceType}/${m.id}`));
      return this.all(sourceType).filter((r) =>
        refsOf(r, field(param)).some((x) => targets.has(x)),
      );
    });
    const seen = new Set<string>();
    const extra = [...included, ...revIncluded].filter((r) => {
      const key = `${r.resourceType}/${r.id}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    });
    return {
      resourceType: "Bundle",
      type: "searchset",
      total: matches.length,
      entry: [
        ...matches.map((resource) => ({ resource, search: { mode: "match" as const } })),
        ...extra.map((resource) => ({ resource, search: { mode: "include" as const } })),
      ],
    };
  }

  /**
   * A transaction, all or nothing: PUT with If-Match (412 on a stale version), POST with
   * If-None-Exist on `identifier=system|value` (the existing record answers, nothing is
   * created twice), urn:uuid references resolved to the ids given.
   */
  transaction(bundle: Bundle): { status: number; body: Bundle | OperationOutcome } {
    const entries = bundle.entry ?? [];
    for (const entry of entries) {
      const r = entry.resource;
      const ifMatch = entry.request?.ifMatch;
      if (entry.request?.method === "PUT" && r?.id && ifMatch) {
        const current = this.get(r.resourceType, r.id);
        if (current && ifMatch !== `W/"${current.meta?.versionId}"`)
          return {
            status: 412,
            body: {
              resourceType: "OperationOutcome",
              issue: [{ severity: "error", code: "conflict", diagnostics: "Version conflict" }],
            },
          };
      }
    }
    const ids = new Map<string, string>();
    const existing = new Map<number, Resource>();
    entries.forEach((entry, i) => {
      const r = entry.resource;
      if (!r) return;
      const match = /^identifier=(.*)$/.exec(entry.request?.ifNoneExist ?? "");
      const [system, value] = decodeURIComponent(match?.[1] ?? "").split("|");
      const found = match
        ? this.all(r.resourceType).find((x) =>
            ((x as { identifier?: { system?: string; value?: string }[] }).identifier ?? []).some(
              (id) => id.system === system && id.value === value,
            ),
          )
        : undefined;
      if (found) existing.set(i, found);
      const id = found?.id ?? r.id ?? `gen-${this.nextId++}`;
      if (entry.fullUrl) ids.set(entry.fullUrl, `${r.resourceType}/${id}`);
    });
    const resolve = (r: Resource): Resource => {
      let json = JSON.stringify(r);
      for (const [from, to] of ids) json = json.split(`"${from}"`).join(`"${to}"`);
      return JSON.parse(json) as Resource;
    };
    const response: Bundle = { resourceType: "Bundle", type: "transaction-response", entry: [] };
    entries.forEach((entry, i) => {
      const r = entry.resource;
      if (!r) return;
      const prior = existing.get(i);
      const target = ids.get(entry.fullUrl ?? "")?.split("/")[1] ?? r.id;
      const saved = prior ?? this.put(resolve({ ...r, ...(target ? { id: target } : {}) }));
      response.entry?.push({
        response: {
          status: prior ? "200 OK" : entry.request?.method === "PUT" ? "200 OK" : "201 Created",
          location: `${saved.resourceType}/${saved.id}/_history/${saved.meta?.versionId ?? "1"}`,
        },
      });
    });
    return { status: 200, body: response };
  }
}
