// What a well-configured EHR enforces for partner-program users (docs/ARCHITECTURE.md,
// invariant 10; README "Partner access on real servers"). A partner user is one whose
// PractitionerRole is coded partner-advocate; their program is that role's Organization.
// They may:
//   - read and search the Tasks their Organization owns;
//   - read the ServiceRequest such a Task points to, and the Patient it is for (a minimal
//     view: first name, birth date, preferred language — never address, telecom or anything
//     else), only while the referral's Consent is active, names their Organization and is
//     within its period;
//   - read the Consents that name their Organization for those referrals (so a withdrawn one
//     can be shown as withdrawn);
//   - update those Tasks, only in the transitions the performer may make
//     (src/domain/taskLifecycle.ts) and only in the elements the performer owns;
//   - read their own Practitioner and PractitionerRole, and the directory types.
// Everything else is 404 (what they may not know exists) or 403 (what they may not do).
// Clinic staff, for their part, may not make the performer's transitions.
//
// Synchronous on purpose: the checks read the in-memory store directly, so they can run
// wherever the repository checks access (including the If-Match check before an update).

import type { Consent, Patient, PractitionerRole, Resource, ServiceRequest, Task } from "fhir/r4";
import { checkTransition, PERFORMER_ELEMENTS, type Party } from "../../src/domain/taskLifecycle";
import { EXTENSION, localReference } from "../../src/fhir/canonical";
import { readBusinessStatus } from "../../src/fhir/businessStatus";
import { SANDBOX_ROLE_SYSTEM } from "../seed";
import type { TokenContext } from "../contract";
import { fail } from "./outcome";
import type { SandboxStore } from "./store";

/** Types a partner user may read (and search) without further conditions. */
const DIRECTORY_TYPES = new Set([
  "Organization",
  "HealthcareService",
  "OrganizationAffiliation",
  "Endpoint",
  "Location",
]);

/** The types a partner user's access is decided per resource. */
const REFERRAL_TYPES = new Set(["Task", "ServiceRequest", "Consent", "Patient"]);

export interface PartnerUser {
  /** "Organization/<id>" of their program(s). */
  organizations: Set<string>;
  /** Their own Practitioner and PractitionerRole references. */
  self: Set<string>;
}

const isPartnerRole = (role: PractitionerRole) =>
  role.active !== false &&
  (role.code ?? []).some((c) =>
    (c.coding ?? []).some((x) => x.system === SANDBOX_ROLE_SYSTEM && x.code === "partner-advocate"),
  );

/** The partner user behind a token, or null for everyone else. */
export function partnerUserOf(store: SandboxStore, context: TokenContext): PartnerUser | null {
  const fhirUser = context.fhirUser ?? "";
  if (context.patientFacing) return null;
  let roles: PractitionerRole[] = [];
  if (fhirUser.startsWith("PractitionerRole/")) {
    const role = store.peek("PractitionerRole", fhirUser.slice("PractitionerRole/".length));
    roles = role ? [role as unknown as PractitionerRole] : [];
  } else if (fhirUser.startsWith("Practitioner/")) {
    roles = (store.list("PractitionerRole") as unknown as PractitionerRole[]).filter(
      (r) => r.practitioner?.reference === fhirUser,
    );
  } else {
    return null;
  }
  const partnerRoles = roles.filter(isPartnerRole);
  if (!partnerRoles.length) return null;
  const organizations = new Set(
    partnerRoles.map((r) => r.organization?.reference).filter((r): r is string => !!r),
  );
  const self = new Set([fhirUser, ...partnerRoles.map((r) => `PractitionerRole/${r.id ?? ""}`)]);
  for (const r of partnerRoles) if (r.practitioner?.reference) self.add(r.practitioner.reference);
  return { organizations, self };
}

/** Is the clinic staff member's token one that the requester's rules apply to? */
export function isStaffUser(context: TokenContext): boolean {
  return (
    !context.patientFacing && /^(Practitioner|PractitionerRole)\//.test(context.fhirUser ?? "")
  );
}

const refOf = (r: { resourceType: string; id?: string | undefined }) =>
  `${r.resourceType}/${r.id ?? ""}`;

export class PartnerPolicy {
  constructor(
    private readonly store: SandboxStore,
    readonly user: PartnerUser,
    private readonly now: () => Date = () => new Date(),
    /** This server's base: a Task.focus that is an absolute URL to it is resolved locally. */
    private readonly baseUrl?: string,
  ) {}

  /** The id of the ServiceRequest a Task points to (relative or absolute focus), if local. */
  private focusId(task: Task): string | undefined {
    const ref = localReference(task.focus?.reference, this.baseUrl) ?? "";
    return ref.startsWith("ServiceRequest/") ? ref.slice("ServiceRequest/".length) : undefined;
  }

  private ownedTasks(): Task[] {
    return (this.store.list("Task") as unknown as Task[]).filter((t) => this.owns(t));
  }

  private owns(task: Task): boolean {
    return this.user.organizations.has(task.owner?.reference ?? "");
  }

  /** The Consent of a referral, when it names one. */
  private consentOf(sr: ServiceRequest): Consent | undefined {
    const ref = sr.supportingInfo?.find((r) => r.reference?.startsWith("Consent/"))?.reference;
    if (!ref) return undefined;
    return this.store.peek("Consent", ref.slice("Consent/".length)) as unknown as
      Consent | undefined;
  }

  private namesUs(consent: Consent): boolean {
    return (consent.provision?.actor ?? []).some((a) =>
      this.user.organizations.has(a.reference.reference ?? ""),
    );
  }

  /** Active, a permit, names this program, and now is within its period. */
  consentCovers(consent: Consent | undefined): boolean {
    if (!consent || consent.status !== "active") return false;
    if (consent.provision?.type !== "permit" || !this.namesUs(consent)) return false;
    const now = this.now().getTime();
    const { start, end } = consent.provision.period ?? {};
    if (start && Date.parse(start) > now) return false;
    if (end && Date.parse(end) < now) return false;
    return true;
  }

  /** The referrals (ServiceRequests) our Tasks point to. */
  private referrals(): ServiceRequest[] {
    const out: ServiceRequest[] = [];
    for (const task of this.ownedTasks()) {
      const id = this.focusId(task);
      if (!id) continue;
      const sr = this.store.peek("ServiceRequest", id);
      if (sr) out.push(sr as unknown as ServiceRequest);
    }
    return out;
  }

  /** May the partner user see this resource at all (before any redaction)? */
  canSee(resource: Resource): boolean {
    const type = resource.resourceType;
    if (DIRECTORY_TYPES.has(type)) return true;
    if (type === "Practitioner" || type === "PractitionerRole")
      return this.user.self.has(refOf(resource));
    if (type === "Task") return this.owns(resource as Task);
    if (type === "ServiceRequest") {
      const me = refOf(resource);
      return this.referrals().some(
        (sr) => refOf(sr as Resource) === me && this.consentCovers(this.consentOf(sr)),
      );
    }
    if (type === "Consent") {
      const consent = resource as Consent;
      if (!this.namesUs(consent)) return false;
      const me = refOf(resource);
      return this.referrals().some((sr) =>
        (sr.supportingInfo ?? []).some((r) => r.reference === me),
      );
    }
    if (type === "Patient") {
      const me = refOf(resource);
      return this.referrals().some(
        (sr) => sr.subject.reference === me && this.consentCovers(this.consentOf(sr)),
      );
    }
    return false;
  }

  /** Whether the type is one a partner user may read at all (else 403). */
  readableType(type: string): boolean {
    return (
      DIRECTORY_TYPES.has(type) ||
      REFERRAL_TYPES.has(type) ||
      type === "Practitioner" ||
      type === "PractitionerRole"
    );
  }

  /** What the partner user gets to see of a resource they may see. */
  redact<T extends Resource>(resource: T): T {
    if (resource.resourceType === "Task")
      return this.redactTask(resource as unknown as Task) as unknown as T;
    if (resource.resourceType !== "Patient") return resource;
    const p = resource as unknown as Patient;
    const first = p.name?.find((n) => n.use === "usual")?.given?.[0] ?? p.name?.[0]?.given?.[0];
    const preferred =
      p.communication?.find((c) => c.preferred) ??
      (p.communication ? p.communication[0] : undefined);
    const minimal: Patient = {
      resourceType: "Patient",
      ...(p.id ? { id: p.id } : {}),
      meta: {
        ...(p.meta?.versionId ? { versionId: p.meta.versionId } : {}),
        ...(p.meta?.lastUpdated ? { lastUpdated: p.meta.lastUpdated } : {}),
        ...(p.meta?.security ? { security: p.meta.security } : {}),
        // Tells any reader this is not the whole record.
        tag: [
          {
            system: "http://terminology.hl7.org/CodeSystem/v3-ObservationValue",
            code: "SUBSETTED",
          },
        ],
      },
      ...(first ? { name: [{ given: [first] }] } : {}),
      ...(p.birthDate ? { birthDate: p.birthDate } : {}),
      ...(preferred ? { communication: [{ ...preferred, preferred: true }] } : {}),
    };
    return minimal as unknown as T;
  }

  /**
   * The safe-contact detail (safe phone, times, cover story) is on the Task, which the program
   * always sees: it goes only while the patient's consent covers the program.
   */
  private redactTask(task: Task): Task {
    if (!task.extension?.some((e) => e.url === EXTENSION.safeContact)) return task;
    const srId = this.focusId(task);
    const sr = srId
      ? (this.store.peek("ServiceRequest", srId) as unknown as ServiceRequest | undefined)
      : undefined;
    if (sr && this.consentCovers(this.consentOf(sr))) return task;
    const { extension, ...rest } = task;
    const kept = (extension ?? []).filter((e) => e.url !== EXTENSION.safeContact);
    return { ...rest, ...(kept.length ? { extension: kept } : {}) };
  }

  /** Throws unless the partner user may write this (an update of one of their Tasks). */
  assertCanWrite(
    resource: Resource,
    existing: Resource | undefined,
    interaction: "create" | "update" | "delete",
  ): void {
    if (interaction !== "update" || resource.resourceType !== "Task") {
      throw fail(
        403,
        "forbidden",
        `Partner program users may only update the referral Tasks their program owns; ${interaction} of ${resource.resourceType} is not allowed`,
      );
    }
    if (!existing || !this.owns(existing as Task)) {
      throw fail(404, "not-found", `Task/${resource.id ?? ""} not found`);
    }
    const before = existing as Task;
    const after = resource as Task;
    // The referral's consent must still cover this program.
    const sr = this.store.peek("ServiceRequest", this.focusId(before) ?? "");
    if (!sr || !this.consentCovers(this.consentOf(sr as unknown as ServiceRequest))) {
      throw fail(
        403,
        "forbidden",
        "The patient's consent to share this referral with your program is no longer active",
      );
    }
    const changed = changedElements(before, after).filter((e) => !PERFORMER_ELEMENTS.includes(e));
    if (changed.length) {
      throw fail(
        403,
        "forbidden",
        `The performer may change only ${PERFORMER_ELEMENTS.join(", ")}; not ${changed.join(", ")}`,
      );
    }
    assertTransition("performer", before, after);
  }
}

/** Top-level elements that differ (meta and text excepted: the server owns them). */
function changedElements(before: Resource, after: Resource): string[] {
  const keys = new Set([...Object.keys(before), ...Object.keys(after)]);
  const out: string[] = [];
  for (const k of keys) {
    if (k === "meta" || k === "text" || k === "id" || k === "resourceType") continue;
    const a = (before as unknown as Record<string, unknown>)[k];
    const b = (after as unknown as Record<string, unknown>)[k];
    if (JSON.stringify(a) !== JSON.stringify(b)) out.push(k);
  }
  return out;
}

/**
 * A change of status or business status must be one the party may make (lifecycle module).
 * A Task write that changes neither is not a transition and is allowed here.
 */
export function assertTransition(party: Party, before: Task | undefined, after: Task): void {
  const from = before?.status;
  const sameStatus =
    before &&
    before.status === after.status &&
    readBusinessStatus(before.businessStatus) === readBusinessStatus(after.businessStatus);
  if (sameStatus) return;
  if (!before) {
    // A new Task: the requester creates it requested (or draft).
    if (party === "requester" && (after.status === "requested" || after.status === "draft")) return;
  }
  const check = checkTransition(party, {
    from,
    to: after.status,
    businessStatus: readBusinessStatus(after.businessStatus),
    reasonCode: after.statusReason?.coding?.[0]?.code,
    reasonText: after.statusReason?.text,
  });
  if (!check.ok) throw fail(403, "forbidden", check.message);
}
