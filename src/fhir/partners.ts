import { queryOptions } from "@tanstack/react-query";
import * as z from "zod/mini";
import { codeableConcept, reference, str } from "./schemas";
import { CODE_SYSTEM, EXTENSION } from "./canonical";
import { FailureError } from "./failures";
import type { FhirHttp } from "./http";
import { queryKeys } from "./queryKeys";
import type { TransactionJson } from "./builders/partner";
import { readPartnership } from "./partnership";
import { DAYS, type Partner, type PartnerContact, type PartnerService } from "../domain/partner";

// The partner directory's read model (shared by the directory and the referral flow).
// FHIR Organization + HealthcareService + OrganizationAffiliation (with the clinic) + Endpoint
// → Partner. Fetched in one search (affiliations of the clinic with their partner
// organizations, services and endpoints included), following `link[next]` pages.

// ---- zod schemas: only what the app reads; everything else passes through -----------------

const contactPoint = z.looseObject({ system: str(), value: str(), use: str() });
const meta = z.optional(
  z.looseObject({ versionId: str(), lastUpdated: str(), profile: z.optional(z.array(z.string())) }),
);
const period = z.looseObject({ start: str(), end: str() });
const extension = z.looseObject({ url: z.string(), valueDate: str() });

export const organizationSchema = z.looseObject({
  resourceType: z.literal("Organization"),
  id: z.string(),
  meta,
  active: z.optional(z.boolean()),
  name: str(),
  alias: z.optional(z.array(z.string())),
  type: z.optional(z.array(codeableConcept)),
  telecom: z.optional(z.array(contactPoint)),
  address: z.optional(
    z.array(
      z.looseObject({
        text: str(),
        line: z.optional(z.array(z.string())),
        city: str(),
        state: str(),
        postalCode: str(),
      }),
    ),
  ),
  contact: z.optional(
    z.array(
      z.looseObject({
        purpose: z.optional(codeableConcept),
        name: z.optional(
          z.looseObject({
            text: str(),
            family: str(),
            given: z.optional(z.array(z.string())),
          }),
        ),
        telecom: z.optional(z.array(contactPoint)),
      }),
    ),
  ),
  endpoint: z.optional(z.array(reference)),
});
export type OrganizationJson = z.infer<typeof organizationSchema>;

export const healthcareServiceSchema = z.looseObject({
  resourceType: z.literal("HealthcareService"),
  id: z.string(),
  meta,
  active: z.optional(z.boolean()),
  providedBy: z.optional(reference),
  name: str(),
  comment: str(),
  type: z.optional(z.array(codeableConcept)),
  telecom: z.optional(z.array(contactPoint)),
  communication: z.optional(z.array(codeableConcept)),
  eligibility: z.optional(
    z.array(z.looseObject({ code: z.optional(codeableConcept), comment: str() })),
  ),
  referralMethod: z.optional(z.array(codeableConcept)),
  appointmentRequired: z.optional(z.boolean()),
  availableTime: z.optional(
    z.array(
      z.looseObject({
        daysOfWeek: z.optional(z.array(z.string())),
        allDay: z.optional(z.boolean()),
        availableStartTime: str(),
        availableEndTime: str(),
      }),
    ),
  ),
  availabilityExceptions: str(),
  endpoint: z.optional(z.array(reference)),
});
export type HealthcareServiceJson = z.infer<typeof healthcareServiceSchema>;

export const organizationAffiliationSchema = z.looseObject({
  resourceType: z.literal("OrganizationAffiliation"),
  id: z.string(),
  meta,
  extension: z.optional(z.array(extension)),
  active: z.optional(z.boolean()),
  period: z.optional(period),
  organization: z.optional(reference),
  participatingOrganization: z.optional(reference),
  code: z.optional(z.array(codeableConcept)),
  healthcareService: z.optional(z.array(reference)),
  endpoint: z.optional(z.array(reference)),
  telecom: z.optional(z.array(contactPoint)),
});
export type OrganizationAffiliationJson = z.infer<typeof organizationAffiliationSchema>;

export const endpointSchema = z.looseObject({
  resourceType: z.literal("Endpoint"),
  id: z.string(),
  meta,
  status: str(),
  name: str(),
  address: str(),
  managingOrganization: z.optional(reference),
});
export type EndpointJson = z.infer<typeof endpointSchema>;

const partnerResourceSchema = z.discriminatedUnion("resourceType", [
  organizationSchema,
  healthcareServiceSchema,
  organizationAffiliationSchema,
  endpointSchema,
]);
export type PartnerResourceJson = z.infer<typeof partnerResourceSchema>;

export const searchBundleSchema = z.looseObject({
  resourceType: z.literal("Bundle"),
  link: z.optional(z.array(z.looseObject({ relation: z.string(), url: z.string() }))),
  entry: z.optional(
    z.array(z.looseObject({ resource: z.optional(z.looseObject({ resourceType: z.string() })) })),
  ),
});

export type SearchBundleJson = z.infer<typeof searchBundleSchema>;

// ---- fetching ---------------------------------------------------------------------------

/** Everything fetched about one partner: the raw resources (with versions, for editing) and the read model. */
export interface PartnerRecord {
  partner: Partner;
  organization: OrganizationJson;
  services: HealthcareServiceJson[];
  affiliation?: OrganizationAffiliationJson;
  endpoint?: EndpointJson;
}

const MAX_PAGES = 50;

/**
 * The clinic's partner directory as one query (one search plus its `next` pages): the
 * directory screen and the referral flow read the same cache entry.
 */
export function partnerDirectoryQuery(http: FhirHttp, clinicOrganization: string) {
  return queryOptions({
    queryKey: queryKeys.partners(),
    queryFn: () => fetchPartnerDirectory(http, clinicOrganization),
  });
}

/** The directory as read: the partners, and how many partner records could not be read. */
export interface PartnerDirectory {
  records: PartnerRecord[];
  /** Partner resources that failed their schema, left out (the screen says how many). */
  unreadable: number;
}

/**
 * The directory for lists: a partner resource that fails its schema is left out and counted,
 * so the screen shows the rest and says that some could not be read — never a false "no
 * partners". Editing reads strictly (fetchPartnerRecord).
 */
export async function fetchPartnerDirectory(
  http: FhirHttp,
  clinicOrganization: string,
  filter?: PartnerServerFilter,
): Promise<PartnerDirectory> {
  return readPartners(http, clinicOrganization, undefined, filter, false);
}

/** Directory criteria the server answers (OrganizationAffiliation `role` token search). */
export interface PartnerServerFilter {
  /** "1".."4" */
  tier?: string;
  /** informed · collaborative · integrated */
  collaboration?: string;
}

/**
 * The path of the directory search; `partnerId` narrows it to one partner, `filter` to a
 * participation tier and / or collaboration level (on the server).
 */
export function partnersSearchPath(
  clinicOrganization: string,
  partnerId?: string,
  filter?: PartnerServerFilter,
): string {
  const params = new URLSearchParams();
  params.set("primary-organization", toReference(clinicOrganization));
  if (partnerId) params.set("participating-organization", `Organization/${partnerId}`);
  if (filter?.tier) params.append("role", `${CODE_SYSTEM.participationTier}|${filter.tier}`);
  if (filter?.collaboration)
    params.append("role", `${CODE_SYSTEM.collaborationLevel}|${filter.collaboration}`);
  params.append("_include", "OrganizationAffiliation:participating-organization");
  params.append("_include", "OrganizationAffiliation:service");
  params.append("_include", "OrganizationAffiliation:endpoint");
  params.set("_count", "200");
  return `OrganizationAffiliation?${params.toString()}`;
}

export async function fetchPartnerRecords(
  http: FhirHttp,
  clinicOrganization: string,
  partnerId?: string,
  filter?: PartnerServerFilter,
): Promise<PartnerRecord[]> {
  return (await readPartners(http, clinicOrganization, partnerId, filter, true)).records;
}

async function readPartners(
  http: FhirHttp,
  clinicOrganization: string,
  partnerId: string | undefined,
  filter: PartnerServerFilter | undefined,
  strict: boolean,
): Promise<PartnerDirectory> {
  const resources: PartnerResourceJson[] = [];
  const unreadable = new Set<string>();
  let path: string | undefined = partnersSearchPath(clinicOrganization, partnerId, filter);
  for (let page = 0; path && page < MAX_PAGES; page++) {
    const response: { body: SearchBundleJson } = await http.request(searchBundleSchema, path);
    const body = response.body;
    for (const entry of body.entry ?? []) {
      if (!entry.resource) continue;
      const parsed = partnerResourceSchema.safeParse(entry.resource);
      if (parsed.success) resources.push(parsed.data);
      else if (isPartnerType(entry.resource.resourceType)) {
        if (strict)
          throw new FailureError({ kind: "bad-response", what: entry.resource.resourceType });
        const id = (entry.resource as { id?: unknown }).id;
        unreadable.add(
          `${entry.resource.resourceType}/${typeof id === "string" ? id : `#${unreadable.size}`}`,
        );
      }
      // Other resource types (e.g. an OperationOutcome entry) are ignored.
    }
    const next: string | undefined = body.link?.find((l) => l.relation === "next")?.url;
    path = next ? relativeToServer(http.serverUrl, next) : undefined;
  }
  return { records: assemblePartners(resources, clinicOrganization), unreadable: unreadable.size };
}

/** One partner, fresh from the server (for editing: the versions feed If-Match). */
export async function fetchPartnerRecord(
  http: FhirHttp,
  clinicOrganization: string,
  partnerId: string,
): Promise<PartnerRecord | undefined> {
  const records = await fetchPartnerRecords(http, clinicOrganization, partnerId);
  return records.find((r) => r.partner.id === partnerId);
}

function isPartnerType(type: string): boolean {
  return ["Organization", "HealthcareService", "OrganizationAffiliation", "Endpoint"].includes(
    type,
  );
}

/** A `next` link as a path on our server; a link to anywhere else is refused (the token stays home). */
export function relativeToServer(serverUrl: string, url: string): string {
  const base = serverUrl.replace(/\/+$/, "");
  if (url.startsWith(`${base}/`)) return url.slice(base.length + 1);
  if (!/^[a-z][a-z0-9+.-]*:/i.test(url)) return url.replace(/^\/+/, "");
  throw new FailureError({ kind: "bad-response", what: "a search page link" });
}

function toReference(org: string): string {
  return org.includes("/") ? org : `Organization/${org}`;
}

function refId(ref: { reference?: string } | undefined, type: string): string | undefined {
  const value = ref?.reference;
  if (!value) return undefined;
  const match = new RegExp(`(?:^|/)${type}/([^/]+)(?:/_history/[^/]+)?$`).exec(value);
  return match?.[1];
}

/**
 * Builds the read model from a flat list of partner resources. An affiliation joins the
 * partner Organization to the clinic; its services are those it lists plus any the
 * Organization provides that were fetched too.
 */
export function assemblePartners(
  resources: readonly PartnerResourceJson[],
  clinicOrganization: string,
): PartnerRecord[] {
  const clinicId = refId({ reference: toReference(clinicOrganization) }, "Organization");
  const orgs = new Map<string, OrganizationJson>();
  const services = new Map<string, HealthcareServiceJson>();
  const endpoints = new Map<string, EndpointJson>();
  const affiliations: OrganizationAffiliationJson[] = [];
  for (const r of resources) {
    if (r.resourceType === "Organization") orgs.set(r.id, r);
    else if (r.resourceType === "HealthcareService") services.set(r.id, r);
    else if (r.resourceType === "Endpoint") endpoints.set(r.id, r);
    else affiliations.push(r);
  }

  const records = new Map<string, PartnerRecord>();
  for (const affiliation of affiliations) {
    if (refId(affiliation.organization, "Organization") !== clinicId) continue;
    const orgId = refId(affiliation.participatingOrganization, "Organization");
    const organization = orgId ? orgs.get(orgId) : undefined;
    if (!organization || organization.id === clinicId) continue;
    const previous = records.get(organization.id);
    // Two affiliations for one partner: prefer the active one.
    if (previous?.affiliation?.active !== false && previous) continue;

    const listed = (affiliation.healthcareService ?? [])
      .map((ref) => refId(ref, "HealthcareService"))
      .map((id) => (id ? services.get(id) : undefined))
      .filter((s): s is HealthcareServiceJson => s !== undefined);
    const provided = [...services.values()].filter(
      (s) => refId(s.providedBy, "Organization") === organization.id && !listed.includes(s),
    );
    const endpointId =
      refId(affiliation.endpoint?.[0], "Endpoint") ?? refId(organization.endpoint?.[0], "Endpoint");
    const endpoint = endpointId ? endpoints.get(endpointId) : undefined;
    const ownServices = [...listed, ...provided];
    records.set(organization.id, {
      organization,
      services: ownServices,
      affiliation,
      ...(endpoint ? { endpoint } : {}),
      partner: toPartner(organization, ownServices, affiliation, endpoint),
    });
  }
  return [...records.values()].sort((a, b) =>
    a.partner.name.localeCompare(b.partner.name, "en", { sensitivity: "base" }),
  );
}

// ---- mappers -----------------------------------------------------------------------------

const TIERS = [1, 2, 3, 4] as const;
const LEVELS = ["informed", "collaborative", "integrated"] as const;

/** The codes of `system` in a list of CodeableConcepts. */
export function codesOf(
  concepts: { coding?: { system?: string; code?: string }[] }[] | undefined,
  system: string,
) {
  return (concepts ?? [])
    .flatMap((c) => c.coding ?? [])
    .filter((c) => c.system === system && c.code)
    .map((c) => c.code as string);
}

function telecomValue(
  telecom: { system?: string; value?: string }[] | undefined,
  system: string,
): string | undefined {
  return telecom?.find((t) => t.system === system && t.value)?.value;
}

export function toPartner(
  organization: OrganizationJson,
  services: readonly HealthcareServiceJson[],
  affiliation?: OrganizationAffiliationJson,
  endpoint?: EndpointJson,
): Partner {
  const phone = telecomValue(organization.telecom, "phone");
  const email = telecomValue(organization.telecom, "email");
  const website = telecomValue(organization.telecom, "url");
  const mapped = affiliation ? toAffiliation(affiliation) : undefined;
  const address = organization.address?.[0];
  const addressLine = address
    ? (address.text ??
      [
        ...(address.line ?? []),
        address.city,
        [address.state, address.postalCode].filter(Boolean).join(" "),
      ]
        .filter(Boolean)
        .join(", "))
    : "";
  const contacts = (organization.contact ?? [])
    .map((c): PartnerContact => {
      const name =
        c.name?.text ?? [...(c.name?.given ?? []), c.name?.family].filter(Boolean).join(" ");
      const purpose =
        c.purpose?.text ?? c.purpose?.coding?.[0]?.display ?? c.purpose?.coding?.[0]?.code;
      const contactPhone = telecomValue(c.telecom, "phone");
      const contactEmail = telecomValue(c.telecom, "email");
      return {
        ...(name ? { name } : {}),
        ...(purpose ? { purpose } : {}),
        ...(contactPhone ? { phone: contactPhone } : {}),
        ...(contactEmail ? { email: contactEmail } : {}),
      };
    })
    .filter((c) => Object.keys(c).length > 0);
  return {
    id: organization.id,
    name: organization.name ?? "(no name)",
    active: organization.active !== false,
    types: codesOf(organization.type, CODE_SYSTEM.partnerType),
    ...(phone ? { phone } : {}),
    services: services.map(toPartnerService),
    ...(mapped ? { affiliation: mapped } : {}),
    ...(endpoint?.address
      ? {
          endpoint: {
            id: endpoint.id,
            address: endpoint.address,
            ...(endpoint.name ? { name: endpoint.name } : {}),
            ...(endpoint.status ? { status: endpoint.status } : {}),
          },
        }
      : {}),
    ...(organization.alias?.length ? { aliases: organization.alias } : {}),
    ...(email ? { email } : {}),
    ...(website ? { website } : {}),
    ...(contacts.length ? { contacts } : {}),
    ...(addressLine ? { address: addressLine } : {}),
  };
}

function toAffiliation(a: OrganizationAffiliationJson): Partner["affiliation"] | undefined {
  const tierCode = Number(codesOf(a.code, CODE_SYSTEM.participationTier)[0]);
  const tier = TIERS.find((t) => t === tierCode);
  const levelCode = codesOf(a.code, CODE_SYSTEM.collaborationLevel)[0];
  const collaboration = LEVELS.find((l) => l === levelCode);
  if (!tier || !collaboration) return undefined;
  const review = a.extension?.find((e) => e.url === EXTENSION.mouReviewDate)?.valueDate;
  const contact = a.telecom?.find((t) => t.value)?.value;
  return {
    id: a.id,
    tier,
    collaboration,
    ...(a.period?.start ? { mouStart: a.period.start } : {}),
    ...(a.period?.end ? { mouEnd: a.period.end } : {}),
    ...(review ? { mouReview: review } : {}),
    active: a.active !== false,
    ...(contact ? { contact } : {}),
    partnership: readPartnership(a),
  };
}

export function toPartnerService(s: HealthcareServiceJson): PartnerService {
  const hours = (s.availableTime ?? []).map((t) => ({
    days: (t.daysOfWeek ?? []).filter((d) => (DAYS as readonly string[]).includes(d)),
    ...(!t.allDay && t.availableStartTime ? { start: hhmm(t.availableStartTime) } : {}),
    ...(!t.allDay && t.availableEndTime ? { end: hhmm(t.availableEndTime) } : {}),
  }));
  const allDayDays = new Set(
    (s.availableTime ?? []).filter((t) => t.allDay).flatMap((t) => t.daysOfWeek ?? []),
  );
  const languages = [
    ...new Set(
      (s.communication ?? [])
        .map((c) => c.coding?.find((x) => x.code)?.code)
        .filter((c): c is string => Boolean(c))
        .map((c) => c.toLowerCase().split("-")[0] ?? c),
    ),
  ];
  const eligibility = (s.eligibility ?? [])
    .map((e) => e.comment ?? e.code?.text)
    .filter((e): e is string => Boolean(e));
  const phone = telecomValue(s.telecom, "phone");
  const chat = telecomValue(s.telecom, "url");
  const referralMethods = (s.referralMethod ?? [])
    .flatMap((c) => c.coding ?? [])
    .map((c) => c.code)
    .filter((c): c is string => Boolean(c));
  return {
    id: s.id,
    name: s.name ?? "(no name)",
    services: codesOf(s.type, CODE_SYSTEM.dsvServices),
    languages,
    open24x7: DAYS.every((d) => allDayDays.has(d)),
    hours,
    ...(phone ? { phone } : {}),
    ...(chat ? { chat } : {}),
    walkIn: s.appointmentRequired === false,
    ...(eligibility.length ? { eligibility: [...new Set(eligibility)].join("; ") } : {}),
    active: s.active !== false,
    ...(referralMethods.length ? { referralMethods } : {}),
    ...(s.comment ? { comment: s.comment } : {}),
    ...(s.availabilityExceptions ? { availabilityExceptions: s.availabilityExceptions } : {}),
  };
}

/** "09:00:00" → "09:00". */
function hhmm(time: string): string {
  return time.slice(0, 5);
}

const transactionResponse = z.looseObject({
  resourceType: z.literal("Bundle"),
  entry: z.optional(
    z.array(
      z.looseObject({
        response: z.optional(
          z.looseObject({ status: z.optional(z.string()), location: z.optional(z.string()) }),
        ),
      }),
    ),
  ),
});

/** POSTs one transaction Bundle to the server's base; returns the response locations. */
export async function sendTransaction(http: FhirHttp, bundle: TransactionJson): Promise<string[]> {
  const { body } = await http.request(transactionResponse, "", { method: "POST", body: bundle });
  return (body.entry ?? []).map((e) => e.response?.location ?? "");
}
