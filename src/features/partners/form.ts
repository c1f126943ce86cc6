import * as z from "zod/mini";
import { CODE_SYSTEM, CODES, EXTENSION, PROFILE } from "../../fhir/canonical";
import type {
  EndpointJson,
  HealthcareServiceJson,
  OrganizationAffiliationJson,
  OrganizationJson,
  PartnerRecord,
} from "../../fhir/partners";
import { codesOf } from "../../fhir/partners";

// The partner editor's model: a flat form ⇄ the four partner resources. Validated with zod
// (field-level errors, as message keys the UI translates) before anything is sent; saved as
// ONE transaction Bundle — POST with ifNoneExist for new resources, PUT with ifMatch for
// existing ones. Removed services and deactivated partners are set inactive, never deleted.

export const DAY_CODES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;
export const BCP47 = "urn:ietf:bcp:47";
const CONNECTION_TYPE = "http://terminology.hl7.org/CodeSystem/endpoint-connection-type";
const PAYLOAD_TYPE = "http://terminology.hl7.org/CodeSystem/endpoint-payload-type";
const REFERRAL_METHOD = "http://terminology.hl7.org/CodeSystem/service-referral-method";

export const TIER_DISPLAY: Record<string, string> = {
  "1": "Directory",
  "2": "Referral",
  "3": "Shared indicators",
  "4": "Data integration",
};

export interface ServiceForm {
  /** Existing HealthcareService id; empty for a new one. */
  id: string;
  name: string;
  services: string[];
  /** Comma-separated BCP 47 codes, e.g. "en, es". */
  languages: string;
  open24x7: boolean;
  /** e.g. "mon-fri 09:00-17:00; sat 10:00-14:00" (ignored when open24x7). */
  hours: string;
  phone: string;
  chat: string;
  walkIn: boolean;
  eligibility: string;
}

export interface PartnerForm {
  name: string;
  types: string[];
  phone: string;
  email: string;
  website: string;
  contactName: string;
  contactPhone: string;
  tier: string;
  collaboration: string;
  mouStart: string;
  mouEnd: string;
  mouReview: string;
  /** Partnership point of contact (phone or email) on the affiliation. */
  affiliationContact: string;
  endpointAddress: string;
  endpointName: string;
  services: ServiceForm[];
}

export function emptyService(): ServiceForm {
  return {
    id: "",
    name: "",
    services: [],
    languages: "en",
    open24x7: false,
    hours: "mon-fri 09:00-17:00",
    phone: "",
    chat: "",
    walkIn: false,
    eligibility: "",
  };
}

export function emptyForm(): PartnerForm {
  return {
    name: "",
    types: [],
    phone: "",
    email: "",
    website: "",
    contactName: "",
    contactPhone: "",
    tier: "1",
    collaboration: "informed",
    mouStart: "",
    mouEnd: "",
    mouReview: "",
    affiliationContact: "",
    endpointAddress: "",
    endpointName: "",
    services: [emptyService()],
  };
}

// ---- hours text ⇄ availableTime -----------------------------------------------------------

export interface Hours {
  days: string[];
  start: string;
  end: string;
}

/** "mon-fri 09:00-17:00; sat 10:00-14:00" → entries; undefined when it does not parse. */
export function parseHours(text: string): Hours[] | undefined {
  const parts = text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: Hours[] = [];
  for (const part of parts) {
    const match = /^([a-z,\s-]+?)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/i.exec(part);
    if (!match) return undefined;
    const [, dayText = "", start = "", end = ""] = match;
    const days = parseDays(dayText);
    if (!days || !validTime(start) || !validTime(end)) return undefined;
    out.push({ days, start: start.padStart(5, "0"), end: end.padStart(5, "0") });
  }
  return out;
}

function parseDays(text: string): string[] | undefined {
  const days = new Set<string>();
  for (const piece of text
    .toLowerCase()
    .split(/[,\s]+/)
    .filter(Boolean)) {
    const [from, to] = piece.split("-");
    const a = DAY_CODES.indexOf(from as (typeof DAY_CODES)[number]);
    if (a < 0) return undefined;
    if (to === undefined) {
      days.add(DAY_CODES[a] as string);
      continue;
    }
    const b = DAY_CODES.indexOf(to as (typeof DAY_CODES)[number]);
    if (b < a) return undefined;
    for (let i = a; i <= b; i++) days.add(DAY_CODES[i] as string);
  }
  return days.size ? DAY_CODES.filter((d) => days.has(d)) : undefined;
}

function validTime(time: string): boolean {
  const [h, m] = time.split(":").map(Number);
  return h !== undefined && m !== undefined && h >= 0 && h <= 24 && m >= 0 && m < 60;
}

/** Entries → "mon-fri 09:00-17:00; sat 10:00-14:00". */
export function formatHours(hours: readonly { days: string[]; start?: string; end?: string }[]) {
  return hours
    .map((h) => `${formatDays(h.days)} ${h.start ?? "00:00"}-${h.end ?? "24:00"}`)
    .join("; ");
}

function formatDays(days: readonly string[]): string {
  const idx = DAY_CODES.map((d, i) => (days.includes(d) ? i : -1)).filter((i) => i >= 0);
  const runs: string[] = [];
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && (idx[j + 1] as number) === (idx[j] as number) + 1) j++;
    const a = DAY_CODES[idx[i] as number] as string;
    const b = DAY_CODES[idx[j] as number] as string;
    runs.push(j - i >= 2 ? `${a}-${b}` : j === i ? a : `${a},${b}`);
    i = j + 1;
  }
  return runs.join(",");
}

export function splitLanguages(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\s]+/)
        .map((l) => l.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

// ---- validation ----------------------------------------------------------------------------

/** Message keys (translated by the UI). */
export type FieldError =
  | "required"
  | "oneType"
  | "oneService"
  | "phone"
  | "email"
  | "url"
  | "date"
  | "endBeforeStart"
  | "languages"
  | "hours"
  | "contact";

const required = z.string().check(z.trim(), z.minLength(1, { message: "required" }));
const optionalMatching = (re: RegExp, message: FieldError) =>
  z.string().check(z.refine((v) => v.trim() === "" || re.test(v.trim()), { message }));
const PHONE = /^\+?[0-9][0-9 ().-]{5,}[0-9]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HTTP_URL = /^https?:\/\/[^\s/]+\S*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const serviceSchema = z.object({
  id: z.string(),
  name: required,
  services: z.array(z.enum(CODES.dsvServices)).check(z.minLength(1, { message: "oneService" })),
  languages: z
    .string()
    .check(
      z.refine(
        (v) =>
          splitLanguages(v).length > 0 &&
          splitLanguages(v).every((l) => /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(l)),
        { message: "languages" },
      ),
    ),
  open24x7: z.boolean(),
  hours: z.string(),
  phone: optionalMatching(PHONE, "phone"),
  chat: optionalMatching(HTTP_URL, "url"),
  walkIn: z.boolean(),
  eligibility: z.string(),
});

export const partnerFormSchema = z
  .object({
    name: required,
    types: z.array(z.enum(CODES.partnerType)).check(z.minLength(1, { message: "oneType" })),
    phone: optionalMatching(PHONE, "phone"),
    email: optionalMatching(EMAIL, "email"),
    website: optionalMatching(HTTP_URL, "url"),
    contactName: z.string(),
    contactPhone: optionalMatching(PHONE, "phone"),
    tier: z.enum(CODES.participationTier),
    collaboration: z.enum(CODES.collaborationLevel),
    mouStart: optionalMatching(DATE, "date"),
    mouEnd: optionalMatching(DATE, "date"),
    mouReview: optionalMatching(DATE, "date"),
    affiliationContact: z.string().check(
      z.refine((v) => v.trim() === "" || PHONE.test(v.trim()) || EMAIL.test(v.trim()), {
        message: "contact",
      }),
    ),
    endpointAddress: optionalMatching(HTTP_URL, "url"),
    endpointName: z.string(),
    services: z.array(serviceSchema),
  })
  .check(
    z.superRefine((form, ctx) => {
      if (form.mouStart && form.mouEnd && DATE.test(form.mouStart) && form.mouEnd < form.mouStart)
        ctx.issues.push({
          code: "custom",
          message: "endBeforeStart",
          path: ["mouEnd"],
          input: form,
        });
      form.services.forEach((s, i) => {
        if (!s.open24x7 && !parseHours(s.hours))
          ctx.issues.push({
            code: "custom",
            message: "hours",
            path: ["services", i, "hours"],
            input: s.hours,
          });
      });
    }),
  );

/** Field path ("services.0.name") → message key; empty when the form is valid. */
export function validateForm(form: PartnerForm): Record<string, FieldError> {
  const result = partnerFormSchema.safeParse(form);
  if (result.success) return {};
  const errors: Record<string, FieldError> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join(".");
    if (errors[path]) continue;
    const key = issue.message as FieldError;
    errors[path] = KNOWN_ERRORS.has(key) ? key : "required";
  }
  return errors;
}

const KNOWN_ERRORS = new Set<string>([
  "required",
  "oneType",
  "oneService",
  "phone",
  "email",
  "url",
  "date",
  "endBeforeStart",
  "languages",
  "hours",
  "contact",
]);

// ---- resources → form ----------------------------------------------------------------------

function telecom(list: { system?: string; value?: string }[] | undefined, system: string) {
  return list?.find((t) => t.system === system)?.value ?? "";
}

export function formFromRecord(record: Omit<PartnerRecord, "partner">): PartnerForm {
  const { organization: org, affiliation: aff, endpoint } = record;
  const contact = org.contact?.[0];
  const affContact = aff?.telecom?.find((t) => t.value)?.value ?? "";
  return {
    name: org.name ?? "",
    types: codesOf(org.type, CODE_SYSTEM.partnerType),
    phone: telecom(org.telecom, "phone"),
    email: telecom(org.telecom, "email"),
    website: telecom(org.telecom, "url"),
    contactName:
      contact?.name?.text ??
      [...(contact?.name?.given ?? []), contact?.name?.family].filter(Boolean).join(" "),
    contactPhone: telecom(contact?.telecom, "phone"),
    tier: codesOf(aff?.code, CODE_SYSTEM.participationTier)[0] ?? "1",
    collaboration: codesOf(aff?.code, CODE_SYSTEM.collaborationLevel)[0] ?? "informed",
    mouStart: aff?.period?.start?.slice(0, 10) ?? "",
    mouEnd: aff?.period?.end?.slice(0, 10) ?? "",
    mouReview: aff?.extension?.find((e) => e.url === EXTENSION.mouReviewDate)?.valueDate ?? "",
    affiliationContact: affContact,
    endpointAddress: endpoint && endpoint.status !== "off" ? (endpoint.address ?? "") : "",
    endpointName: endpoint?.name ?? "",
    services: record.services.filter((s) => s.active !== false).map(serviceFormFrom),
  };
}

function serviceFormFrom(s: HealthcareServiceJson): ServiceForm {
  const allDay = new Set(
    (s.availableTime ?? []).filter((t) => t.allDay).flatMap((t) => t.daysOfWeek ?? []),
  );
  const open24x7 = DAY_CODES.every((d) => allDay.has(d));
  return {
    id: s.id,
    name: s.name ?? "",
    services: codesOf(s.type, CODE_SYSTEM.dsvServices),
    languages: (s.communication ?? [])
      .map((c) => c.coding?.find((x) => x.code)?.code)
      .filter(Boolean)
      .join(", "),
    open24x7,
    hours: open24x7
      ? ""
      : formatHours(
          (s.availableTime ?? []).map((t) => ({
            days: t.daysOfWeek ?? [],
            ...(t.allDay ? {} : { start: t.availableStartTime?.slice(0, 5) }),
            ...(t.allDay ? {} : { end: t.availableEndTime?.slice(0, 5) }),
          })) as { days: string[]; start?: string; end?: string }[],
        ),
    phone: telecom(s.telecom, "phone"),
    chat: telecom(s.telecom, "url"),
    walkIn: s.appointmentRequired === false,
    eligibility: (s.eligibility ?? []).map((e) => e.comment ?? e.code?.text ?? "").join("; "),
  };
}

// ---- form → transaction --------------------------------------------------------------------

export interface BundleEntryJson {
  fullUrl?: string;
  resource: Record<string, unknown> & { resourceType: string };
  request: { method: "POST" | "PUT"; url: string; ifMatch?: string; ifNoneExist?: string };
}
export interface TransactionJson {
  resourceType: "Bundle";
  type: "transaction";
  entry: BundleEntryJson[];
}

type NewId = () => string;
const defaultNewId: NewId = () => crypto.randomUUID();

function withProfile(meta: unknown, profile: string) {
  const m = (meta ?? {}) as { profile?: string[] };
  const profiles = new Set([...(m.profile ?? []), profile]);
  // versionId / lastUpdated belong to the server; only the profile goes back.
  return { profile: [...profiles] };
}

function ifMatch(meta: { versionId?: string } | undefined): { ifMatch?: string } {
  return meta?.versionId ? { ifMatch: `W/"${meta.versionId}"` } : {};
}

function codeable(system: string, code: string, display?: string) {
  return {
    coding: [{ system, code, ...(display ? { display } : {}) }],
    ...(display ? { text: display } : {}),
  };
}

function replaceTelecom(
  existing: { system?: string; value?: string }[] | undefined,
  values: Record<string, string>,
) {
  const kept = (existing ?? []).filter((t) => !(t.system && t.system in values));
  const added = Object.entries(values)
    .filter(([, v]) => v.trim())
    .map(([system, value]) => ({ system, value: value.trim(), use: "work" }));
  return [...added, ...kept];
}

interface Slot {
  /** What other entries put in `reference`. */
  ref: string;
  entry: BundleEntryJson;
}

/**
 * One transaction that creates or updates the partner: Organization, its HealthcareServices,
 * the OrganizationAffiliation with the clinic, and the Endpoint where there is one.
 * `base` is the partner as read from the server (its versions become ifMatch).
 */
export function buildSaveTransaction(
  form: PartnerForm,
  base: PartnerRecord | undefined,
  clinicOrganization: string,
  newId: NewId = defaultNewId,
): TransactionJson {
  const clinicRef = clinicOrganization.includes("/")
    ? clinicOrganization
    : `Organization/${clinicOrganization}`;
  const identifierOf = (value: string) => [{ system: CODE_SYSTEM.identifier, value }];
  const create = (type: string, resource: Record<string, unknown>): Slot => {
    const id = newId();
    return {
      ref: `urn:uuid:${id}`,
      entry: {
        fullUrl: `urn:uuid:${id}`,
        resource: { resourceType: type, identifier: identifierOf(id), ...resource },
        request: {
          method: "POST",
          url: type,
          ifNoneExist: `identifier=${encodeURIComponent(`${CODE_SYSTEM.identifier}|${id}`)}`,
        },
      },
    };
  };
  const update = (
    existing: { resourceType: string; id: string; meta?: { versionId?: string } },
    resource: Record<string, unknown>,
  ): Slot => ({
    ref: `${existing.resourceType}/${existing.id}`,
    entry: {
      resource: { ...existing, ...resource, resourceType: existing.resourceType, id: existing.id },
      request: {
        method: "PUT",
        url: `${existing.resourceType}/${existing.id}`,
        ...ifMatch(existing.meta),
      },
    },
  });

  // Organization
  const baseOrg = base?.organization;
  const otherTypes = (baseOrg?.type ?? []).filter(
    (t) => !(t.coding ?? []).some((c) => c.system === CODE_SYSTEM.partnerType),
  );
  const contact =
    form.contactName.trim() || form.contactPhone.trim()
      ? [
          {
            ...(form.contactName.trim() ? { name: { text: form.contactName.trim() } } : {}),
            ...(form.contactPhone.trim()
              ? { telecom: [{ system: "phone", value: form.contactPhone.trim(), use: "work" }] }
              : {}),
          },
        ]
      : undefined;
  const orgFields: Record<string, unknown> = {
    meta: withProfile(baseOrg?.meta, PROFILE.partnerOrganization),
    active: baseOrg?.active ?? true,
    type: [...form.types.map((t) => codeable(CODE_SYSTEM.partnerType, t)), ...otherTypes],
    name: form.name.trim(),
    telecom: replaceTelecom(baseOrg?.telecom, {
      phone: form.phone,
      email: form.email,
      url: form.website,
    }),
  };
  if (contact) orgFields.contact = [...contact, ...(baseOrg?.contact?.slice(1) ?? [])];
  else if (baseOrg?.contact) orgFields.contact = baseOrg.contact.slice(1);
  const org = baseOrg ? update(baseOrg, orgFields) : create("Organization", orgFields);
  if ((orgFields.telecom as unknown[]).length === 0) delete org.entry.resource.telecom;
  if (Array.isArray(org.entry.resource.contact) && org.entry.resource.contact.length === 0)
    delete org.entry.resource.contact;

  // Endpoint
  let endpoint: Slot | undefined;
  const baseEndpoint = base?.endpoint;
  if (form.endpointAddress.trim()) {
    const fields: Record<string, unknown> = {
      meta: withProfile(baseEndpoint?.meta, PROFILE.partnerEndpoint),
      status: "active",
      connectionType: { system: CONNECTION_TYPE, code: "hl7-fhir-rest", display: "HL7 FHIR" },
      name: form.endpointName.trim() || `${form.name.trim()} (FHIR)`,
      managingOrganization: { reference: org.ref },
      payloadType: (baseEndpoint as { payloadType?: unknown } | undefined)?.payloadType ?? [
        codeable(PAYLOAD_TYPE, "any", "Any"),
      ],
      payloadMimeType: ["application/fhir+json"],
      address: form.endpointAddress.trim(),
    };
    endpoint = baseEndpoint ? update(baseEndpoint, fields) : create("Endpoint", fields);
  } else if (baseEndpoint && baseEndpoint.status !== "off") {
    // Removed: switched off, never deleted.
    endpoint = update(baseEndpoint, { status: "off" });
  }
  const activeEndpoint = endpoint && form.endpointAddress.trim() ? endpoint : undefined;
  if (activeEndpoint) org.entry.resource.endpoint = [{ reference: activeEndpoint.ref }];
  else delete org.entry.resource.endpoint;

  // HealthcareServices
  const baseServices = new Map((base?.services ?? []).map((s) => [s.id, s]));
  const services = form.services.map((s) => {
    const existing = s.id ? baseServices.get(s.id) : undefined;
    const hours = s.open24x7 ? [] : (parseHours(s.hours) ?? []);
    const fields: Record<string, unknown> = {
      meta: withProfile(existing?.meta, PROFILE.partnerService),
      active: true,
      providedBy: { reference: org.ref, display: form.name.trim() },
      type: s.services.map((code) => codeable(CODE_SYSTEM.dsvServices, code)),
      name: s.name.trim(),
      telecom: replaceTelecom(existing?.telecom, { phone: s.phone, url: s.chat }),
      communication: splitLanguages(s.languages).map((code) => codeable(BCP47, code)),
      appointmentRequired: !s.walkIn,
      availableTime: s.open24x7
        ? [{ daysOfWeek: [...DAY_CODES], allDay: true }]
        : hours.map((h) => ({
            daysOfWeek: h.days,
            availableStartTime: `${h.start}:00`,
            availableEndTime: `${h.end === "24:00" ? "23:59" : h.end}:00`,
          })),
      referralMethod: [
        codeable(REFERRAL_METHOD, "phone", "Phone"),
        ...(activeEndpoint ? [codeable(REFERRAL_METHOD, "elec", "Secure Messaging")] : []),
      ],
    };
    if (s.eligibility.trim()) fields.eligibility = [{ comment: s.eligibility.trim() }];
    const slot = existing ? update(existing, fields) : create("HealthcareService", fields);
    if (!s.eligibility.trim()) delete slot.entry.resource.eligibility;
    if ((fields.telecom as unknown[]).length === 0) delete slot.entry.resource.telecom;
    return slot;
  });
  const kept = new Set(form.services.map((s) => s.id).filter(Boolean));
  const retired = (base?.services ?? [])
    .filter((s) => !kept.has(s.id) && s.active !== false)
    .map((s) => update(s, { active: false }));

  // OrganizationAffiliation
  const baseAff = base?.affiliation;
  const otherCodes = (baseAff?.code ?? []).filter(
    (c) =>
      !(c.coding ?? []).some(
        (x) =>
          x.system === CODE_SYSTEM.participationTier || x.system === CODE_SYSTEM.collaborationLevel,
      ),
  );
  const period =
    form.mouStart || form.mouEnd
      ? {
          ...(form.mouStart ? { start: form.mouStart } : {}),
          ...(form.mouEnd ? { end: form.mouEnd } : {}),
        }
      : undefined;
  const extensions = [
    ...(baseAff?.extension ?? []).filter((e) => e.url !== EXTENSION.mouReviewDate),
    ...(form.mouReview ? [{ url: EXTENSION.mouReviewDate, valueDate: form.mouReview }] : []),
  ];
  const contactValue = form.affiliationContact.trim();
  const affFields: Record<string, unknown> = {
    meta: withProfile(baseAff?.meta, PROFILE.partnerAffiliation),
    active: baseAff?.active ?? true,
    organization: { reference: clinicRef },
    participatingOrganization: { reference: org.ref, display: form.name.trim() },
    code: [
      codeable(CODE_SYSTEM.participationTier, form.tier, TIER_DISPLAY[form.tier]),
      codeable(
        CODE_SYSTEM.collaborationLevel,
        form.collaboration,
        form.collaboration.charAt(0).toUpperCase() + form.collaboration.slice(1),
      ),
      ...otherCodes,
    ],
    healthcareService: services.map((s, i) => ({
      reference: s.ref,
      display: form.services[i]?.name.trim(),
    })),
  };
  const aff = baseAff ? update(baseAff, affFields) : create("OrganizationAffiliation", affFields);
  const affResource = aff.entry.resource;
  if (period) affResource.period = period;
  else delete affResource.period;
  if (extensions.length) affResource.extension = extensions;
  else delete affResource.extension;
  if (activeEndpoint) affResource.endpoint = [{ reference: activeEndpoint.ref }];
  else delete affResource.endpoint;
  if (contactValue)
    affResource.telecom = [
      { system: EMAIL.test(contactValue) ? "email" : "phone", value: contactValue, use: "work" },
    ];
  else delete affResource.telecom;
  if (services.length === 0) delete affResource.healthcareService;

  return {
    resourceType: "Bundle",
    type: "transaction",
    entry: [
      org.entry,
      ...(endpoint ? [endpoint.entry] : []),
      ...services.map((s) => s.entry),
      ...retired.map((s) => s.entry),
      aff.entry,
    ],
  };
}

/** Deactivate (or reactivate) a partner: every resource updated with ifMatch; nothing deleted. */
export function buildActiveTransaction(record: PartnerRecord, active: boolean): TransactionJson {
  const put = (
    resource: OrganizationJson | HealthcareServiceJson | OrganizationAffiliationJson,
  ) => ({
    resource: { ...resource, active },
    request: {
      method: "PUT" as const,
      url: `${resource.resourceType}/${resource.id}`,
      ...ifMatch(resource.meta),
    },
  });
  const entries: BundleEntryJson[] = [put(record.organization)];
  // Deactivating switches off every service; reactivating switches back on the services the
  // partnership lists (services removed in the editor are not listed there any more).
  const listed = new Set(
    (record.affiliation?.healthcareService ?? []).map((r) => r.reference?.replace(/^.*\//, "")),
  );
  const services = active
    ? record.services.filter((s) => s.active === false && listed.has(s.id))
    : record.services.filter((s) => s.active !== false);
  entries.push(...services.map(put));
  if (record.affiliation) entries.push(put(record.affiliation));
  const endpoint: EndpointJson | undefined = record.endpoint;
  const linked = (record.organization.endpoint ?? []).some((r) =>
    r.reference?.endsWith(`Endpoint/${endpoint?.id ?? ""}`),
  );
  const status =
    !active && endpoint?.status === "active"
      ? "off"
      : active && endpoint?.status === "off" && linked
        ? "active"
        : undefined;
  if (endpoint && status) {
    entries.push({
      resource: { ...endpoint, status },
      request: { method: "PUT", url: `Endpoint/${endpoint.id}`, ...ifMatch(endpoint.meta) },
    });
  }
  return { resourceType: "Bundle", type: "transaction", entry: entries };
}

/**
 * After a conflict (412): the user's edits on top of the latest version. A field the user did
 * not change takes their colleague's value; a field the user changed keeps the user's value
 * (`clashes` lists those the colleague changed too). Services are compared one by one, by id.
 */
export function mergeForms(
  original: PartnerForm,
  mine: PartnerForm,
  theirs: PartnerForm,
): { merged: PartnerForm; clashes: string[] } {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const merged = { ...theirs };
  const clashes: string[] = [];
  for (const key of Object.keys(mine) as (keyof PartnerForm)[]) {
    if (key === "services") continue;
    if (!same(mine[key], original[key])) {
      (merged as Record<string, unknown>)[key] = mine[key];
      if (!same(theirs[key], original[key]) && !same(theirs[key], mine[key])) clashes.push(key);
    }
  }
  const originalById = new Map(original.services.filter((s) => s.id).map((s) => [s.id, s]));
  const theirsById = new Map(theirs.services.filter((s) => s.id).map((s) => [s.id, s]));
  const services: ServiceForm[] = [];
  for (const s of mine.services) {
    const before = s.id ? originalById.get(s.id) : undefined;
    const now = s.id ? theirsById.get(s.id) : undefined;
    if (before && now && same(s, before)) services.push(now);
    else {
      services.push(s);
      if (before && now && !same(now, before) && !same(now, s)) clashes.push(`services: ${s.name}`);
    }
  }
  // Services the colleague added meanwhile are kept too.
  for (const s of theirs.services)
    if (s.id && !originalById.has(s.id) && !services.some((m) => m.id === s.id)) services.push(s);
  merged.services = services;
  return { merged, clashes };
}
