// The repository the router sees for one request: it wraps the shared store and applies
// what the bearer token allows. Every read, search and write — top-level or inside a
// transaction/batch Bundle — goes through here, so the rules hold everywhere:
//   - SMART scopes (403 naming the scope that would be needed);
//   - the patient compartment for access granted only by `patient/` scopes;
//   - security-label withholding for patient-facing tokens (404 / dropped from searches);
//   - partner-program users' limits and the Task lifecycle's who-may-set-what
//     (partnerAccess.ts);
//   - structural validation and the optional profile validation (`validateWrite`) of writes.

import {
  deepClone,
  matchesSearchRequest,
  Operator,
  OperationOutcomeError,
  validateResource,
} from "@medplum/core";
import type { SearchRequest } from "@medplum/core";
import type {
  Bundle,
  OperationOutcomeIssue,
  Reference,
  Resource,
  Task as MedplumTask,
} from "@medplum/fhirtypes";
import { FhirRepository } from "@medplum/fhir-router";
import type {
  CreateResourceOptions,
  RepositoryMode,
  UpdateResourceOptions,
} from "@medplum/fhir-router";
import type { Resource as R4Resource } from "fhir/r4";
import type { Operation } from "rfc6902";
import { V3_ACT_CODE, V3_CONFIDENTIALITY } from "../../src/fhir/canonical";
import type { TokenContext } from "../contract";
import { checkRequiredBindings } from "./bindings";
import { PATIENT_COMPARTMENT } from "./definitions";
import { fail } from "./outcome";
import {
  assertClinicBackStep,
  assertTransition,
  isReferralBack,
  isStaffUser,
  PartnerPolicy,
  partnerUserOf,
  redactBackForStaff,
  restoreBackHidden,
} from "./partnerAccess";
import { accessFor, neededScopes, parseScopes, PERMISSION_NAMES } from "./scopes";
import type { AccessLevel, Permission, ResourceScope } from "./scopes";
import type { SandboxStore } from "./store";

type WithId<T> = T & { id: string };

/** Page size when the client gives no `_count`, and the largest page we serve. */
export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 1000;

/** True when a patient-facing (portal) API must not return this resource. */
export function withheldFromPatients(resource: Resource): boolean {
  const security = resource.meta?.security ?? [];
  const has = (system: string, code: string) =>
    security.some((c) => c.system === system && c.code === code);
  return has(V3_ACT_CODE, "NOPAT") || (has(V3_ACT_CODE, "SDV") && has(V3_CONFIDENTIALITY, "R"));
}

/**
 * Is the resource in the patient's compartment? "n/a" for resource types that have no
 * Patient compartment at all (Organization, Practitioner, HealthcareService, …).
 */
export function inPatientCompartment(resource: Resource, patientId: string): boolean | "n/a" {
  if (resource.resourceType === "Patient") return resource.id === patientId;
  const params = PATIENT_COMPARTMENT.get(resource.resourceType);
  if (!params) return "n/a";
  return params.some((code) =>
    matchesSearchRequest(resource, {
      resourceType: resource.resourceType,
      filters: [{ code, operator: Operator.EQUALS, value: `Patient/${patientId}` }],
    }),
  );
}

export interface AccessOptions {
  /** Profile validation of writes (FhirServerOptions.validateWrite). */
  validateWrite?: (resource: R4Resource) => string[];
  /** Trusted internal use (seed loading): skip validateWrite. */
  trusted?: boolean;
  /** This server's FHIR base: absolute references to it (e.g. Task.focus) resolve locally. */
  baseUrl?: string;
  /**
   * False simulates a server configured with scopes only, without the partner-access policy
   * (a misconfiguration the diagnostics must catch). Default true.
   */
  partnerPolicy?: boolean;
}

/** A token context with every permission, for the seed loader and internal lookups. */
export const SYSTEM_CONTEXT: TokenContext = {
  clientId: "sandbox-internal",
  scopes: ["system/*.cruds"],
  patientFacing: false,
  labelBlind: false,
};

export class ScopedRepository extends FhirRepository<undefined> {
  readonly scopes: ResourceScope[];
  /** Set for partner-program users (PractitionerRole partner-advocate): their limits. */
  readonly partner: PartnerPolicy | null;

  constructor(
    readonly store: SandboxStore,
    readonly context: TokenContext,
    private readonly options: AccessOptions = {},
  ) {
    super();
    this.scopes = parseScopes(context.scopes);
    const partnerUser = options.partnerPolicy === false ? null : partnerUserOf(store, context);
    this.partner = partnerUser
      ? new PartnerPolicy(store, partnerUser, undefined, options.baseUrl)
      : null;
  }

  /** The requester's rules (the Task lifecycle) apply to clinic staff, not to trusted loads. */
  private get isClinicStaff(): boolean {
    return !this.partner && !this.options.trusted && isStaffUser(this.context);
  }

  /** What this token gets to see of a resource it may see (a partner's minimal Patient). */
  private shown<T extends Resource>(resource: T): T {
    if (this.partner) return this.partner.redact(resource as never) as unknown as T;
    // Clinic staff see of a referral back what the client's consent covers (partnerAccess.ts).
    if (this.isClinicStaff && resource.resourceType === "Task")
      return redactBackForStaff(this.store, resource as never) as unknown as T;
    return resource;
  }

  // ---- scope checks --------------------------------------------------------------------

  /** The access level a permission has for a type, or a 403 naming the scopes that would grant it. */
  require(resourceType: string, permission: Permission): AccessLevel {
    if (this.partner) {
      // Updates: Tasks only. Creates: the three records of a referral back (checked in
      // PartnerPolicy.assertCanWrite). Deletes: never.
      const creatable = ["Task", "ServiceRequest", "Consent"].includes(resourceType);
      const refused =
        !this.partner.readableType(resourceType) ||
        (permission === "u" && resourceType !== "Task") ||
        (permission === "c" && !creatable);
      if (refused) {
        throw fail(
          403,
          "forbidden",
          `Partner program users may not ${PERMISSION_NAMES[permission]} ${resourceType}`,
        );
      }
      if (permission === "d") {
        throw fail(
          403,
          "forbidden",
          `Partner program users may only update the Tasks their program owns, not ${PERMISSION_NAMES[permission]} them`,
        );
      }
    }
    const level = accessFor(this.scopes, resourceType, permission, this.context.patient);
    if (!level) {
      throw fail(
        403,
        "forbidden",
        `Insufficient scope: ${PERMISSION_NAMES[permission]} of ${resourceType} needs ${neededScopes(resourceType, permission)}`,
      );
    }
    return level;
  }

  private get filtersLabels(): boolean {
    return this.context.patientFacing && !this.context.labelBlind;
  }

  /**
   * Throws when the token may not see an existing resource with this permission:
   * 404 for label-withheld resources (their existence is not revealed), 403 outside the compartment.
   */
  assertCanAccess(resource: Resource, permission: Permission): void {
    const level = this.require(resource.resourceType, permission);
    if (this.filtersLabels && withheldFromPatients(resource)) {
      throw fail(404, "not-found", `${resource.resourceType}/${resource.id} not found`);
    }
    // A partner user learns nothing of what is not theirs, not even that it exists.
    if (this.partner && !this.partner.canSee(resource as never)) {
      throw fail(404, "not-found", `${resource.resourceType}/${resource.id} not found`);
    }
    this.checkCompartment(resource, level, permission);
  }

  private checkCompartment(resource: Resource, level: AccessLevel, permission: Permission): void {
    if (level !== "patient") return;
    const patient = this.context.patient as string; // level "patient" implies a patient
    const inside = inPatientCompartment(resource, patient);
    // Types outside any patient compartment (Organization, Practitioner, HealthcareService…)
    // may be read and searched with patient/ scopes, as most EHRs allow; never written.
    const ok = inside === true || (inside === "n/a" && (permission === "r" || permission === "s"));
    if (!ok) {
      const what = resource.id
        ? `${resource.resourceType}/${resource.id}`
        : `this ${resource.resourceType}`;
      throw fail(
        403,
        "forbidden",
        `Access to ${what} is outside the patient compartment of Patient/${patient} granted by patient/ scopes; ${PERMISSION_NAMES[permission]} needs ${neededScopes(resource.resourceType, permission).replace(/^patient\/[^,]+, /, "")}`,
      );
    }
  }

  /** Can this token see the resource in a search result (no throw)? */
  private visibleInSearch(resource: Resource, level: AccessLevel): boolean {
    if (this.filtersLabels && withheldFromPatients(resource)) return false;
    if (this.partner && !this.partner.canSee(resource as never)) return false;
    if (level === "patient") {
      const inside = inPatientCompartment(resource, this.context.patient as string);
      return inside === true || inside === "n/a";
    }
    return true;
  }

  private validate(resource: Resource): void {
    if (!resource || typeof resource !== "object" || typeof resource.resourceType !== "string") {
      throw fail(400, "invalid", "Request body is not a FHIR resource");
    }
    // Structural validation against the R4 base definitions. Medplum throws on errors and
    // returns warnings; either way we answer 400 with one issue per problem.
    let issues: OperationOutcomeIssue[];
    try {
      issues = validateResource(resource);
    } catch (err) {
      if (!(err instanceof OperationOutcomeError)) throw err;
      issues = err.outcome.issue ?? [];
    }
    const errors = issues.filter((i) => i.severity === "error" || i.severity === "fatal");
    if (errors.length) {
      throw fail(
        400,
        "invalid",
        errors.map((i) =>
          [i.details?.text ?? i.diagnostics ?? "invalid", i.expression?.join(", ")]
            .filter(Boolean)
            .join(" at "),
        ),
      );
    }
    // What Medplum's validator does not check and a real server refuses: codes outside a
    // required core binding, and references to a transaction entry that does not exist (a
    // urn:uuid the Bundle never defined would otherwise be stored as a dangling reference).
    const problems = [
      ...checkRequiredBindings(resource).map((i) => `${i.path}: ${i.message}`),
      ...unresolvedReferences(resource),
    ];
    if (problems.length) throw fail(400, "invalid", problems);
    if (this.options.validateWrite && !this.options.trusted) {
      const messages = this.options.validateWrite(resource as unknown as R4Resource);
      if (messages.length) throw fail(400, "invalid", messages);
    }
  }

  // ---- FhirRepository ------------------------------------------------------------------

  setMode(_mode: RepositoryMode): void {
    // one store, no reader/writer split
  }

  generateId(): string {
    return this.store.generateId();
  }

  async createResource<T extends Resource>(
    resource: T,
    options?: CreateResourceOptions,
  ): Promise<WithId<T>> {
    this.validate(resource);
    const level = this.require(resource.resourceType, "c");
    const toCreate = deepClone(resource);
    // On a plain POST the server assigns the id (FHIR http create); inside a Bundle the
    // batch processor has already assigned one (assignedId).
    if (!options?.assignedId) delete toCreate.id;
    this.checkCompartment(toCreate, level, "c");
    if (this.partner) this.partner.assertCanWrite(toCreate as never, undefined, "create");
    else if (this.isClinicStaff && toCreate.resourceType === "Task")
      assertTransition("requester", undefined, toCreate as never);
    return this.store.createResource(toCreate);
  }

  async readResource<T extends Resource>(resourceType: string, id: string): Promise<WithId<T>> {
    const resource = await this.store.readResource<T>(resourceType, id);
    this.assertCanAccess(resource, "r");
    return this.shown(resource) as WithId<T>;
  }

  async readReference<T extends Resource>(reference: Reference<T>): Promise<WithId<T>> {
    const parts = reference.reference?.split("/");
    if (parts?.length !== 2)
      throw fail(400, "invalid", `Invalid reference: ${reference.reference ?? ""}`);
    return this.readResource<T>(parts[0] as string, parts[1] as string);
  }

  async readReferences<T extends Resource>(
    references: readonly Reference<T>[],
  ): Promise<(T | Error)[]> {
    return Promise.all(
      references.map((r) =>
        this.readReference<T>(r).catch((err: unknown) =>
          err instanceof Error ? err : new Error(String(err)),
        ),
      ),
    );
  }

  async readHistory<T extends Resource>(
    resourceType: string,
    id: string,
  ): Promise<Bundle<WithId<T>>> {
    await this.readResource(resourceType, id);
    const history = await this.store.readHistory<T>(resourceType, id);
    const entry = (history.entry ?? [])
      .filter((e) => !(e.resource && this.filtersLabels && withheldFromPatients(e.resource)))
      .map((e) => (e.resource ? { ...e, resource: this.shown(e.resource) } : e));
    return { ...history, entry } as Bundle<WithId<T>>;
  }

  async readVersion<T extends Resource>(
    resourceType: string,
    id: string,
    vid: string,
  ): Promise<WithId<T>> {
    await this.readResource(resourceType, id);
    const version = await this.store.readVersion<T>(resourceType, id, vid);
    this.assertCanAccess(version, "r");
    return this.shown(version) as WithId<T>;
  }

  async updateResource<T extends Resource>(
    resource: T,
    options?: UpdateResourceOptions,
  ): Promise<WithId<T>> {
    const existing = resource?.id ? this.store.peek(resource.resourceType, resource.id) : undefined;
    // What the clinic was not shown of a referral back stays as it is (before validation).
    if (this.isClinicStaff && existing && isReferralBack(this.store, existing as never))
      resource = restoreBackHidden(this.store, existing as never, resource as never) as never;
    this.validate(resource);
    const level = this.require(resource.resourceType, "u");
    if (existing) this.assertCanAccess(existing, "u");
    this.checkCompartment(resource, level, "u");
    this.checkWrite(resource, existing);
    return this.store.updateResource(resource, options);
  }

  async deleteResource(resourceType: string, id: string): Promise<void> {
    const existing = this.store.peek(resourceType, id);
    if (!existing) throw fail(404, "not-found", `${resourceType}/${id} not found`);
    this.assertCanAccess(existing, "d");
    await this.store.deleteResource(resourceType, id);
  }

  async patchResource<T extends Resource>(
    resourceType: T["resourceType"],
    id: string,
    patch: Operation[],
  ): Promise<WithId<T>> {
    const existing = this.store.peek(resourceType, id);
    if (!existing) throw fail(404, "not-found", `${resourceType}/${id} not found`);
    this.assertCanAccess(existing, "u");
    // Patch, then check the result; a rejected result is rolled back by the transaction.
    return this.store.withTransaction(async () => {
      const patched = await this.store.patchResource<T>(resourceType, id, patch);
      this.validate(patched);
      this.checkCompartment(patched, this.require(resourceType, "u"), "u");
      this.checkWrite(patched, existing);
      return patched;
    });
  }

  /** The partner's limits and the requester's side of the Task lifecycle, for an update. */
  private checkWrite(resource: Resource, existing: Resource | undefined): void {
    if (this.partner) this.partner.assertCanWrite(resource as never, existing as never, "update");
    else if (this.isClinicStaff && resource.resourceType === "Task") {
      // A referral back: the clinic is the performer; otherwise the requester.
      if (isReferralBack(this.store, existing as never))
        assertClinicBackStep(this.store, existing as never, resource as never);
      else assertTransition("requester", existing as MedplumTask as never, resource as never);
    }
  }

  /**
   * Search with the token's visibility applied before paging, so `total`, `_summary=count`
   * and the pages agree. Scope checks for the search interaction itself happen in the route
   * wrapper; here (also used for conditional-create lookups) we only decide what is visible.
   */
  async search<T extends Resource>(searchRequest: SearchRequest<T>): Promise<Bundle<WithId<T>>> {
    const type = searchRequest.resourceType;
    const level =
      accessFor(this.scopes, type, "s", this.context.patient) ??
      accessFor(this.scopes, type, "r", this.context.patient);
    const offset = Math.max(0, searchRequest.offset ?? 0);
    const count = Math.min(MAX_PAGE_SIZE, Math.max(0, searchRequest.count ?? DEFAULT_PAGE_SIZE));
    if (!level) return { resourceType: "Bundle", type: "searchset", total: 0 };
    // Matched without cloning (store.matchAll); only the page served is cloned.
    const matches = searchRequest.sortRules?.length
      ? (
          (await this.store.search({ ...searchRequest, offset: undefined, count: undefined }))
            .entry ?? []
        ).flatMap((e) => (e.resource ? [e.resource as Resource] : []))
      : this.store.matchAll(searchRequest, offset > 0);
    const visible = matches.filter((resource) => this.visibleInSearch(resource, level));
    const page = visible.slice(offset, offset + count);
    return {
      resourceType: "Bundle",
      type: "searchset",
      total: visible.length,
      ...(page.length
        ? { entry: page.map((resource) => ({ resource: this.served(resource, searchRequest) })) }
        : {}),
    } as Bundle<WithId<T>>;
  }

  /**
   * A search result as served: a clone, redacted for the token. With `_elements` (fields) and
   * no partner redaction, only the named elements are cloned — the engine keeps only those
   * anyway — so a page of 1,000 trimmed Tasks does not copy every Task whole. Staff redaction
   * reads the stored Task and never mutates it.
   */
  private served(resource: Resource, searchRequest: SearchRequest): Resource {
    const fields = searchRequest.fields;
    if (!fields?.length || this.partner) return this.shown(deepClone(resource));
    const source = this.shown(resource) as unknown as Record<string, unknown>;
    const picked: Record<string, unknown> = {};
    for (const name of ["resourceType", "id", "meta", ...fields, ...fields.map((f) => `_${f}`)])
      if (name in source) picked[name] = source[name];
    return deepClone(picked) as unknown as Resource;
  }

  async searchByReference<T extends Resource>(
    searchRequest: SearchRequest<T>,
    referenceField: string,
    references: string[],
  ): Promise<Record<string, WithId<T>[]>> {
    const results: Record<string, WithId<T>[]> = {};
    for (const reference of references) {
      const bundle = await this.search<T>({
        ...searchRequest,
        filters: [
          ...(searchRequest.filters ?? []),
          { code: referenceField, operator: Operator.EQUALS, value: reference },
        ],
      });
      results[reference] = (bundle.entry ?? []).map((e) => e.resource as WithId<T>);
    }
    return results;
  }

  withTransaction<TResult>(callback: (client: undefined) => Promise<TResult>): Promise<TResult> {
    return this.store.withTransaction(callback);
  }
}

/**
 * References still in `urn:uuid:` / `urn:oid:` form when a resource is written: inside a
 * transaction the batch processor has already rewritten every reference to an entry's fullUrl,
 * so what is left points at nothing (and outside a Bundle such a reference never resolves).
 */
export function unresolvedReferences(resource: Resource): string[] {
  const found: string[] = [];
  const walk = (value: unknown, path: string, depth: number): void => {
    if (!value || typeof value !== "object" || depth > 40) return;
    if (Array.isArray(value)) {
      value.forEach((v, i) => walk(v, `${path}[${i}]`, depth + 1));
      return;
    }
    for (const [key, v] of Object.entries(value as Record<string, unknown>)) {
      if (key === "reference" && typeof v === "string" && /^urn:(uuid|oid):/i.test(v)) {
        found.push(
          `${path}.reference: ${v} does not resolve: no entry of the transaction has this fullUrl`,
        );
      } else walk(v, `${path}.${key}`, depth + 1);
    }
  };
  walk(resource, resource.resourceType, 0);
  return found;
}
