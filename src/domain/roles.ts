// Who may do what (docs/ARCHITECTURE.md, "Roles and capabilities"). One pure module: the shell
// decides the tabs from it, components decide what controls to offer, and the data layer refuses
// a write the role may not make. The roles come from the signed-in user's PractitionerRole
// codes, mapped by the `roles` section of clinic-config.json.

export const ROLES = [
  "provider",
  "medical-assistant",
  "admin",
  "manager",
  "partner-advocate",
] as const;
export type Role = (typeof ROLES)[number];

export const CAPABILITIES = [
  /** Record that universal education was offered (a labelled Procedure). */
  "record-education",
  /** The whole CUES guide: confidentiality, support and the disclosure response. */
  "use-full-guide",
  /** Send a warm referral (ServiceRequest + Task + Consent). */
  "send-referral",
  /** See the patient's earlier education and referrals. */
  "view-patient-history",
  /** Withdraw a patient's consent to share. */
  "withdraw-consent",
  "view-directory",
  /** Create, edit, deactivate and import partners (the launch's scopes must allow it too). */
  "edit-directory",
  "view-settings",
  "run-diagnostics",
  "view-reports",
  /**
   * The workspace's partnership reminders: MOU reviews due, no cross-training in a year, a
   * tier-2+ partner with no referral in 90 days (counts only, no patient data).
   */
  "view-partnership-reminders",
  /** A partner program's inbox of referrals addressed to it. */
  "work-partner-inbox",
  /** A partner program refers its client to the clinic ("Refer to the health center"). */
  "refer-to-clinic",
  /**
   * The clinic's incoming worklist of referrals back: accept or decline, find the patient,
   * appointment offered or booked, complete (front desk and care team).
   */
  "work-incoming-referrals",
  /** The clinic's worklist of its outgoing referrals (and, in a chart, the patient's). */
  "view-worklist",
  /** Patient names in the worklist (without it, rows show no name). */
  "view-worklist-names",
  /** Cancel a referral with a reason (the requester's transition). */
  "cancel-referral",
  /** The follow-up prompt at the next visit, and recording what the patient says. */
  "record-follow-up",
] as const;
export type Capability = (typeof CAPABILITIES)[number];

const BY_ROLE: Record<Role, readonly Capability[]> = {
  provider: [
    "record-education",
    "use-full-guide",
    "send-referral",
    "view-patient-history",
    "withdraw-consent",
    "view-directory",
    "view-settings",
    "run-diagnostics",
    "work-incoming-referrals",
    "view-worklist",
    "view-worklist-names",
    "cancel-referral",
    "record-follow-up",
  ],
  "medical-assistant": ["record-education", "view-directory", "work-incoming-referrals"],
  admin: [
    "view-directory",
    "edit-directory",
    "view-settings",
    "run-diagnostics",
    "view-reports",
    "view-partnership-reminders",
  ],
  // The partnership lead follows whether referrals connect, without the patients' names.
  manager: [
    "view-directory",
    "view-settings",
    "view-reports",
    "view-partnership-reminders",
    "view-worklist",
  ],
  // Minimum necessary: an advocate sees the referrals addressed to their program, nothing of
  // the clinic's patients or records beyond that.
  // Diagnostics, so the partner's IT can check on a partner account that the clinic's server
  // lets it read no more than its program's referrals (counts only).
  "partner-advocate": ["work-partner-inbox", "refer-to-clinic", "run-diagnostics"],
};

/** Capabilities that only make sense with a patient in context (a chart session). */
const CHART_ONLY: readonly Capability[] = [
  "record-education",
  "use-full-guide",
  "send-referral",
  "view-patient-history",
  "withdraw-consent",
  "record-follow-up",
];

export type SessionKind = "chart" | "workspace";

export interface Access {
  roles: readonly Role[];
  kind: SessionKind;
  capabilities: ReadonlySet<Capability>;
}

/** The union of the roles' capabilities, less what needs a patient when there is none. */
export function accessFor(roles: readonly Role[], kind: SessionKind): Access {
  const capabilities = new Set<Capability>();
  for (const role of roles)
    for (const c of BY_ROLE[role])
      if (kind === "chart" || !CHART_ONLY.includes(c)) capabilities.add(c);
  return { roles, kind, capabilities };
}

export function can(access: Access, capability: Capability): boolean {
  return access.capabilities.has(capability);
}

/** A role code as the EHR sends it in PractitionerRole.code. */
export interface RoleCoding {
  system?: string | undefined;
  code?: string | undefined;
}

/**
 * The `roles` section of clinic-config.json: per role, the codes that mean it, each written
 * `system|code` (exact) or `code` (any system); and what a user whose codes match none gets.
 */
export interface RoleMapping {
  codes: Partial<Record<Role, readonly string[]>>;
  /** "none": such a user is told to ask an administrator; otherwise that role. */
  unmatched: Role | "none";
}

/** The roles a user's PractitionerRole codes map to, in ROLES order, without repeats. */
export function rolesFromCodes(codings: readonly RoleCoding[], mapping: RoleMapping): Role[] {
  const matched = ROLES.filter((role) =>
    (mapping.codes[role] ?? []).some((entry) => codings.some((c) => codeMatches(entry, c))),
  );
  if (matched.length > 0) return matched;
  return mapping.unmatched === "none" ? [] : [mapping.unmatched];
}

function codeMatches(entry: string, coding: RoleCoding): boolean {
  if (!coding.code) return false;
  const bar = entry.lastIndexOf("|");
  if (bar < 0) return entry === coding.code;
  return entry.slice(0, bar) === (coding.system ?? "") && entry.slice(bar + 1) === coding.code;
}
