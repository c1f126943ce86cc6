import { codeDisplay } from "../codeDisplays";
import {
  CODE_SYSTEM,
  EXTENSION,
  ORGANIZATION_TYPE_SYSTEM,
  PROFILE,
  SERVICE_TYPE_SYSTEM,
  STANDARD_ORGANIZATION_TYPE,
  STANDARD_SERVICE_TYPE,
} from "../canonical";
import {
  DAY_CODES,
  formatHours,
  parseHours,
  splitLanguages,
  type PartnerForm,
  type ServiceForm,
} from "../../domain/partnerDraft";
import type {
  EndpointJson,
  HealthcareServiceJson,
  OrganizationAffiliationJson,
  OrganizationJson,
  PartnerRecord,
} from "../partners";
import { codesOf } from "../partners";

// The partner's four resources ⇄ the editor's draft. Saved as ONE transaction Bundle — POST
// with ifNoneExist for new resources, PUT with ifMatch for existing ones. Removed services and
// deactivated partners are set inactive, never deleted.

export const BCP47 = "urn:ietf:bcp:47";
const CONNECTION_TYPE = "http://terminology.hl7.org/CodeSystem/endpoint-connection-type";
const PAYLOAD_TYPE = "http://terminology.hl7.org/CodeSystem/endpoint-payload-type";
const REFERRAL_METHOD = "http://terminology.hl7.org/CodeSystem/service-referral-method";

/** A participation tier's English display, from the CodeSystem. */
export const tierDisplay = (tier: string): string =>
  codeDisplay("wr-participation-tier", tier, "en");

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

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

/** Our code, and the HL7 code that says the same when there is one (canonical.ts). */
function withStandard(system: string, code: string) {
  const standard =
    system === CODE_SYSTEM.dsvServices
      ? { system: SERVICE_TYPE_SYSTEM, code: STANDARD_SERVICE_TYPE[code] }
      : { system: ORGANIZATION_TYPE_SYSTEM, code: STANDARD_ORGANIZATION_TYPE[code] };
  return {
    coding: [
      { system, code },
      ...(standard.code ? [{ system: standard.system, code: standard.code }] : []),
    ],
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
    type: [...form.types.map((t) => withStandard(CODE_SYSTEM.partnerType, t)), ...otherTypes],
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
      type: s.services.map((code) => withStandard(CODE_SYSTEM.dsvServices, code)),
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
      codeable(CODE_SYSTEM.participationTier, form.tier, tierDisplay(form.tier)),
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
