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
//   - read their own Practitioner and PractitionerRole, and the directory types;
//   - refer a client back to the clinic: create a ServiceRequest, Task and Consent whose
//     requester (custodian) is their program, read back only those, and on such a Task make
//     only the requester's transitions (INCOMING_TRANSITIONS: cancel).
// Everything else is 404 (what they may not know exists) or 403 (what they may not do).
// Clinic staff, for their part, may not make the performer's transitions.
//
// Synchronous on purpose: the checks read the in-memory store directly, so they can run
// wherever the repository checks access (including the If-Match check before an update).

import type { Consent, Patient, PractitionerRole, Resource, ServiceRequest, Task } from "fhir/r4";
import {
  checkTransition,
  INCOMING_PERFORMER_ELEMENTS,
  INCOMING_TRANSITIONS,
  PERFORMER_ELEMENTS,
  TRANSITIONS,
  type Party,
  type Transition,
} from "../../src/domain/taskLifecycle";
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

  /** A referral back this program made (its Task or ServiceRequest names it as requester). */
  private requested(r: Task | ServiceRequest): boolean {
    return this.user.organizations.has(r.requester?.reference ?? "");
  }

  /** A consent this program holds (a referral back's: the program is its custodian). */
  private custodian(consent: Consent): boolean {
    return (consent.organization ?? []).some((o) => this.user.organizations.has(o.reference ?? ""));
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
    if (type === "Task") return this.owns(resource as Task) || this.requested(resource as Task);
    if (type === "ServiceRequest") {
      if (this.requested(resource as ServiceRequest)) return true;
      const me = refOf(resource);
      return this.referrals().some(
        (sr) => refOf(sr as Resource) === me && this.consentCovers(this.consentOf(sr)),
      );
    }
    if (type === "Consent") {
      const consent = resource as Consent;
      if (this.custodian(consent)) return true;
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
    // A referral back this program made: its own client's contact, given by the program.
    if (this.requested(task) && !this.owns(task)) return task;
    const srId = this.focusId(task);
    const sr = srId
      ? (this.store.peek("ServiceRequest", srId) as unknown as ServiceRequest | undefined)
      : undefined;
    if (sr && this.consentCovers(this.consentOf(sr))) return task;
    const { extension, ...rest } = task;
    const kept = (extension ?? []).filter((e) => e.url !== EXTENSION.safeContact);
    return { ...rest, ...(kept.length ? { extension: kept } : {}) };
  }

  /** A referral back: requester (custodian) is this program, the clinic is someone else. */
  private assertCanReferBack(resource: Resource): void {
    const refuse = (why: string): never => {
      throw fail(403, "forbidden", `A partner program may create only its referrals back: ${why}`);
    };
    if (resource.resourceType === "ServiceRequest") {
      const sr = resource as ServiceRequest;
      if (!this.requested(sr)) refuse("the ServiceRequest's requester must be your program");
      if ((sr.performer ?? []).some((p) => this.user.organizations.has(p.reference ?? "")))
        refuse("the ServiceRequest's performer must be the clinic");
      if (sr.subject?.reference) refuse("the client is named by identifier only");
      return;
    }
    if (resource.resourceType === "Task") {
      const task = resource as Task;
      if (!this.requested(task)) refuse("the Task's requester must be your program");
      if (this.owns(task)) refuse("the Task's owner must be the clinic");
      if (task.for?.reference?.startsWith("Patient/"))
        refuse("the client goes on the Task as a contained Patient (for = #client)");
      assertTransition("requester", undefined, task, INCOMING_TRANSITIONS);
      return;
    }
    if (resource.resourceType === "Consent") {
      const consent = resource as Consent;
      if (!this.custodian(consent)) refuse("the Consent's organization must be your program");
      if (this.namesUs(consent)) refuse("the Consent must permit sharing with the clinic");
      if (consent.patient?.reference) refuse("the client is named by identifier only");
      return;
    }
    refuse(`${resource.resourceType} is not part of a referral back`);
  }

  /** The requester's side of a referral back this program made (cancel). */
  private assertRequesterStep(before: Task, after: Task): void {
    const changed = changedElements(before, after).filter((e) => !REQUESTER_ELEMENTS.includes(e));
    if (changed.length) {
      throw fail(
        403,
        "forbidden",
        `The requester of a referral back may change only ${REQUESTER_ELEMENTS.join(", ")}; not ${changed.join(", ")}`,
      );
    }
    assertTransition("requester", before, after, INCOMING_TRANSITIONS);
  }

  /**
   * Throws unless the partner user may write this: an update of one of their Tasks, or a
   * referral back (create of its ServiceRequest, Task and Consent; the requester's steps).
   */
  assertCanWrite(
    resource: Resource,
    existing: Resource | undefined,
    interaction: "create" | "update" | "delete",
  ): void {
    if (interaction === "create") return this.assertCanReferBack(resource);
    if (
      interaction === "update" &&
      existing?.resourceType === "Task" &&
      this.requested(existing as Task) &&
      !this.owns(existing as Task)
    )
      return this.assertRequesterStep(existing as Task, resource as Task);
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

/** Elements the requester of a referral back may change: its side of the lifecycle only. */
const REQUESTER_ELEMENTS: readonly string[] = [
  "status",
  "businessStatus",
  "statusReason",
  "lastModified",
  "note",
];

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
export function assertTransition(
  party: Party,
  before: Task | undefined,
  after: Task,
  table: readonly Transition[] = TRANSITIONS,
): void {
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
  const check = checkTransition(
    party,
    {
      from,
      to: after.status,
      businessStatus: readBusinessStatus(after.businessStatus),
      reasonCode: after.statusReason?.coding?.[0]?.code,
      reasonText: after.statusReason?.text,
    },
    table,
  );
  if (!check.ok) throw fail(403, "forbidden", check.message);
}

// ---- Referrals back, seen from the clinic ----------------------------------------------

/** The Organizations of partner programs: those of the partner-advocate PractitionerRoles. */
export function partnerOrganizations(store: SandboxStore): Set<string> {
  return new Set(
    (store.list("PractitionerRole") as unknown as PractitionerRole[])
      .filter(isPartnerRole)
      .map((r) => r.organization?.reference ?? "")
      .filter(Boolean),
  );
}

/** A referral back: a Task a partner program requested (the clinic is its performer). */
export function isReferralBack(store: SandboxStore, task: Task | undefined): boolean {
  return !!task && partnerOrganizations(store).has(task.requester?.reference ?? "");
}

function backConsentCoversOwner(store: SandboxStore, task: Task, now: Date): boolean {
  const srRef = task.focus?.reference ?? "";
  const sr = srRef.startsWith("ServiceRequest/")
    ? (store.peek("ServiceRequest", srRef.slice("ServiceRequest/".length)) as unknown as
        ServiceRequest | undefined)
    : undefined;
  const cRef = sr?.supportingInfo?.find((r) => r.reference?.startsWith("Consent/"))?.reference;
  const consent = cRef
    ? (store.peek("Consent", cRef.slice("Consent/".length)) as unknown as Consent | undefined)
    : undefined;
  if (!consent || consent.status !== "active" || consent.provision?.type !== "permit") return false;
  const owner = task.owner?.reference ?? "";
  if (!(consent.provision.actor ?? []).some((a) => a.reference.reference === owner)) return false;
  const { start, end } = consent.provision.period ?? {};
  if (start && Date.parse(start) > now.getTime()) return false;
  if (end && Date.parse(end) < now.getTime()) return false;
  return true;
}

/**
 * What clinic staff see of a referral back: everything the client's consent covers while it
 * covers the clinic; without it, not the client's identity (the contained Patient), the safe
 * contact or the reason in words.
 */
export function redactBackForStaff(store: SandboxStore, task: Task, now = new Date()): Task {
  if (!isReferralBack(store, task) || backConsentCoversOwner(store, task, now)) return task;
  const { contained: _c, extension, input: _i, ...rest } = task;
  const kept = (extension ?? []).filter((e) => e.url !== EXTENSION.safeContact);
  return { ...rest, ...(kept.length ? { extension: kept } : {}) } as Task;
}

/**
 * Clinic staff on a referral back are the performer: the performer's transitions
 * (INCOMING_TRANSITIONS) and elements, plus matching (`for` to a Patient of the EHR).
 */
export function assertClinicBackStep(store: SandboxStore, before: Task, after: Task): void {
  const changed = changedElements(before, after).filter(
    (e) => !INCOMING_PERFORMER_ELEMENTS.includes(e),
  );
  if (changed.length) {
    throw fail(
      403,
      "forbidden",
      `On a referral back the clinic may change only ${INCOMING_PERFORMER_ELEMENTS.join(", ")}; not ${changed.join(", ")}`,
    );
  }
  const forRef = after.for?.reference ?? "";
  if (forRef !== (before.for?.reference ?? "")) {
    const id = forRef.startsWith("Patient/") ? forRef.slice("Patient/".length) : "";
    if (!id || !store.peek("Patient", id))
      throw fail(
        400,
        "invalid",
        `Task.for must be a Patient of this EHR, not ${forRef || "(none)"}`,
      );
  }
  assertTransition("performer", before, after, INCOMING_TRANSITIONS);
}

/**
 * A clinic update of a referral back whose hidden parts it never saw (redactBackForStaff):
 * those parts stay as they are, so a decline under a withdrawn consent erases nothing.
 */
export function restoreBackHidden(store: SandboxStore, existing: Task, incoming: Task): Task {
  if (redactBackForStaff(store, existing) === existing) return incoming;
  if ((incoming.for?.reference ?? "") !== (existing.for?.reference ?? "")) return incoming;
  const hiddenExt = (existing.extension ?? []).filter((e) => e.url === EXTENSION.safeContact);
  const otherExt = (incoming.extension ?? []).filter((e) => e.url !== EXTENSION.safeContact);
  const extension = [...otherExt, ...hiddenExt];
  return {
    ...incoming,
    ...(existing.contained ? { contained: existing.contained } : {}),
    ...(existing.input ? { input: existing.input } : {}),
    ...(extension.length ? { extension } : {}),
  };
}
