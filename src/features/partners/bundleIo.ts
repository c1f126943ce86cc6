import * as z from "zod/mini";
import { CODE_SYSTEM, EXTENSION } from "../../fhir/canonical";
import { CODES } from "../../fhir/codes";
import {
  codesOf,
  endpointSchema,
  healthcareServiceSchema,
  organizationAffiliationSchema,
  organizationSchema,
  type EndpointJson,
  type HealthcareServiceJson,
  type OrganizationAffiliationJson,
  type OrganizationJson,
  type PartnerRecord,
} from "../../fhir/partners";
import { hasUpkeep, readPartnership, upkeepProblems } from "../../fhir/partnership";
import { withPartnership } from "../../fhir/builders/partnership";
import { validateForm, type FieldError } from "./form";
import { type PartnerForm } from "../../domain/partnerDraft";
import { stripBidiDeep } from "../../domain/text";
import {
  buildSaveTransaction,
  formFromRecord,
  type BundleEntryJson,
  type TransactionJson,
} from "../../fhir/builders/partner";

// Sharing a directory: export as a FHIR Bundle (collection), import one with structural
// checks that mirror the partner profiles (fhir-profiles/README.md), a preview of what will be
// added or changed, and one all-or-nothing transaction. Any bad entry refuses the whole bundle.

const PARTNER_TYPES = new Set<string>(CODES.partnerType);
const DSV = new Set<string>(CODES.dsvServices);
const TIERS = new Set<string>(CODES.participationTier);
const LEVELS = new Set<string>(CODES.collaborationLevel);
const ENDPOINT_STATUS = new Set([
  "active",
  "suspended",
  "error",
  "off",
  "entered-in-error",
  "test",
]);
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?$/;
const DATE = /^\d{4}(-\d{2}(-\d{2})?)?$/;

type Resource =
  OrganizationJson | HealthcareServiceJson | OrganizationAffiliationJson | EndpointJson;

/** Export: the clinic's partners as a collection Bundle (server bookkeeping removed). */
export function exportDirectory(records: readonly PartnerRecord[], serverUrl: string) {
  const clean = <T extends { meta?: { profile?: string[] } | undefined }>(r: T): T => {
    const copy = { ...r };
    if (r.meta?.profile) copy.meta = { profile: r.meta.profile };
    else delete copy.meta;
    return copy;
  };
  const resources: Resource[] = records.flatMap((r) => [
    r.organization,
    ...(r.endpoint ? [r.endpoint] : []),
    ...r.services,
    ...(r.affiliation ? [r.affiliation] : []),
  ]);
  return {
    resourceType: "Bundle" as const,
    type: "collection" as const,
    timestamp: new Date().toISOString(),
    entry: resources.map((resource) => ({
      fullUrl: `${serverUrl}/${resource.resourceType}/${resource.id}`,
      resource: clean(resource),
    })),
  };
}

export interface EntryProblem {
  /** 0-based index in Bundle.entry. */
  index: number;
  /** e.g. 'HealthcareService "Hotline"'. */
  label: string;
  problems: string[];
}

export interface PreviewItem {
  name: string;
  action: "add" | "change" | "unchanged";
  /** Form fields that differ from the partner on the server (for "change"). */
  changes: string[];
}

export type ImportResult =
  | { ok: false; bundleProblem?: string; entries: EntryProblem[] }
  | { ok: true; preview: PreviewItem[]; transaction: TransactionJson | undefined };

const bundleShape = z.looseObject({
  resourceType: z.literal("Bundle"),
  type: z.optional(z.string()),
  entry: z.array(
    z.looseObject({
      fullUrl: z.optional(z.string()),
      resource: z.optional(z.looseObject({ resourceType: z.string() })),
    }),
  ),
});

const FORM_FIELD_LABEL: Record<FieldError, string> = {
  required: "is required",
  oneType: "needs at least one partner type",
  oneService: "needs at least one service",
  phone: "is not a phone number",
  email: "is not an email address",
  url: "is not an http(s) URL",
  date: "is not a date (YYYY-MM-DD)",
  endBeforeStart: "ends before it starts",
  languages: "needs language codes such as en, es",
  hours: "has hours that cannot be read",
  contact: "is not a phone number or email address",
};

/**
 * Checks an uploaded Bundle and, when every entry is good, plans the import against the
 * partners already on the server (matched by client identifier, then by name).
 */
export function planImport(
  json: unknown,
  existing: readonly PartnerRecord[],
  clinicOrganization: string,
  newId?: () => string,
): ImportResult {
  // Bidirectional control characters never reach the server (src/domain/text.ts).
  const shape = bundleShape.safeParse(stripBidiDeep(json));
  if (!shape.success) {
    return {
      ok: false,
      bundleProblem: "The file is not a FHIR Bundle with entries.",
      entries: [],
    };
  }
  const entries = shape.data.entry;
  const problems: EntryProblem[] = [];
  const parsed: (Resource | undefined)[] = [];
  const byRef = new Map<string, Resource>();

  entries.forEach((entry, index) => {
    const raw = entry.resource;
    const type = raw?.resourceType ?? "(no resource)";
    const rawName: unknown = raw?.name;
    const name = typeof rawName === "string" ? rawName : undefined;
    const label = `${type}${name ? ` "${name}"` : ""}`;
    const schema =
      type === "Organization"
        ? organizationSchema
        : type === "HealthcareService"
          ? healthcareServiceSchema
          : type === "OrganizationAffiliation"
            ? organizationAffiliationSchema
            : type === "Endpoint"
              ? endpointSchema
              : undefined;
    if (!schema) {
      problems.push({
        index,
        label,
        problems: [
          "is not a partner resource (Organization, HealthcareService, OrganizationAffiliation, Endpoint)",
        ],
      });
      parsed.push(undefined);
      return;
    }
    // Bundles from elsewhere may carry only a fullUrl (urn:uuid:…): give the entry a local id.
    const withId =
      raw && typeof raw.id !== "string"
        ? { ...raw, id: entry.fullUrl?.replace(/^.*[:/]/, "") || `entry-${index}` }
        : raw;
    const result = (schema as z.ZodMiniType).safeParse(withId);
    if (!result.success) {
      problems.push({
        index,
        label,
        problems: (result.error as z.core.$ZodError).issues.map(
          (i) => `${i.path.join(".") || "resource"}: ${i.message}`,
        ),
      });
      parsed.push(undefined);
      return;
    }
    const resource = result.data as Resource;
    parsed.push(resource);
    byRef.set(`${resource.resourceType}/${resource.id}`, resource);
    if (entry.fullUrl) byRef.set(entry.fullUrl, resource);
  });

  const resolve = <T extends Resource["resourceType"]>(
    ref: { reference?: string } | undefined,
    type: T,
  ): Extract<Resource, { resourceType: T }> | undefined => {
    const value = ref?.reference;
    if (!value) return undefined;
    const direct = byRef.get(value);
    const local = direct ?? byRef.get(/([A-Za-z]+\/[^/]+)$/.exec(value)?.[1] ?? "");
    return local?.resourceType === type
      ? (local as Extract<Resource, { resourceType: T }>)
      : undefined;
  };

  // Profile rules (structural mirror of fhir-profiles), per entry.
  parsed.forEach((resource, index) => {
    if (!resource) return;
    const list = profileProblems(resource, resolve);
    if (list.length) {
      problems.push({
        index,
        label: `${resource.resourceType}${"name" in resource && resource.name ? ` "${resource.name}"` : ""}`,
        problems: list,
      });
    }
  });

  // Group into partners and check each as the editor would.
  const organizations = parsed.filter(
    (r): r is OrganizationJson => r?.resourceType === "Organization",
  );
  const groups = organizations.map((organization) => {
    const ref = (r: { reference?: string } | undefined) =>
      resolve(r, "Organization")?.id === organization.id;
    const services = parsed.filter(
      (r): r is HealthcareServiceJson =>
        r?.resourceType === "HealthcareService" && ref(r.providedBy),
    );
    const affiliation = parsed.find(
      (r): r is OrganizationAffiliationJson =>
        r?.resourceType === "OrganizationAffiliation" && ref(r.participatingOrganization),
    );
    const endpoint =
      resolve(organization.endpoint?.[0], "Endpoint") ??
      resolve(affiliation?.endpoint?.[0], "Endpoint");
    return { organization, services, affiliation, endpoint };
  });
  const flagged = new Set(problems.map((p) => parsed[p.index]).filter(Boolean));
  groups.forEach((group) => {
    // Entries already refused are not checked twice through the form.
    const members = [group.organization, ...group.services, group.affiliation, group.endpoint];
    if (members.some((m) => m && flagged.has(m))) return;
    const form = formFromRecord({
      organization: group.organization,
      services: group.services,
      ...(group.affiliation ? { affiliation: group.affiliation } : {}),
      ...(group.endpoint ? { endpoint: group.endpoint } : {}),
    });
    const errors = validateForm(form);
    const list = Object.entries(errors).map(([field, key]) => `${field} ${FORM_FIELD_LABEL[key]}`);
    if (list.length) {
      const index = parsed.indexOf(group.organization);
      const existingProblem = problems.find((p) => p.index === index);
      if (existingProblem) existingProblem.problems.push(...list);
      else
        problems.push({
          index,
          label: `Organization "${group.organization.name ?? ""}"`,
          problems: list,
        });
    }
  });

  if (problems.length) {
    return { ok: false, entries: problems.sort((a, b) => a.index - b.index) };
  }

  // Plan: match each partner to the directory, build one transaction.
  const preview: PreviewItem[] = [];
  const entriesOut: BundleEntryJson[] = [];
  for (const group of groups) {
    const form = formFromRecord(group);
    const match = findMatch(group.organization, existing);
    if (match) {
      const current = formFromRecord(match);
      // Keep the service ids of the matched partner where the names agree.
      form.services = form.services.map((s) => ({
        ...s,
        id: current.services.find((c) => c.name.trim() === s.name.trim())?.id ?? "",
      }));
      const changes = diffForms(current, form);
      // The partnership record travels with the affiliation; a bundle without one keeps ours.
      const upkeep = hasUpkeep(group.affiliation);
      if (
        upkeep &&
        JSON.stringify(readPartnership(group.affiliation)) !==
          JSON.stringify(readPartnership(match.affiliation))
      )
        changes.push("partnership");
      preview.push({ name: form.name, action: changes.length ? "change" : "unchanged", changes });
      if (changes.length)
        entriesOut.push(
          ...carryUpkeep(
            buildSaveTransaction(form, match, clinicOrganization, newId).entry,
            upkeep ? group.affiliation : undefined,
          ),
        );
    } else {
      form.services = form.services.map((s) => ({ ...s, id: "" }));
      preview.push({ name: form.name, action: "add", changes: [] });
      entriesOut.push(
        ...carryUpkeep(
          buildSaveTransaction(form, undefined, clinicOrganization, newId).entry,
          group.affiliation,
        ),
      );
    }
  }
  return {
    ok: true,
    preview,
    transaction: entriesOut.length
      ? { resourceType: "Bundle", type: "transaction", entry: entriesOut }
      : undefined,
  };
}

/** The imported affiliation's partnership record onto the planned affiliation entry. */
function carryUpkeep(
  entries: BundleEntryJson[],
  imported: OrganizationAffiliationJson | undefined,
): BundleEntryJson[] {
  if (!imported || !hasUpkeep(imported)) return entries;
  return entries.map((entry) =>
    entry.resource.resourceType === "OrganizationAffiliation"
      ? {
          ...entry,
          resource: withPartnership(
            entry.resource as unknown as OrganizationAffiliationJson,
            readPartnership(imported),
          ) as unknown as BundleEntryJson["resource"],
        }
      : entry,
  );
}

function findMatch(org: OrganizationJson, existing: readonly PartnerRecord[]) {
  const ids = new Set(
    ((org as { identifier?: { system?: string; value?: string }[] }).identifier ?? []).map(
      (i) => `${i.system}|${i.value}`,
    ),
  );
  const byIdentifier = existing.find((r) =>
    (
      (r.organization as { identifier?: { system?: string; value?: string }[] }).identifier ?? []
    ).some((i) => ids.has(`${i.system}|${i.value}`)),
  );
  if (byIdentifier) return byIdentifier;
  const name = (org.name ?? "").trim().toLowerCase();
  return existing.find((r) => (r.organization.name ?? "").trim().toLowerCase() === name);
}

/** Names of the form fields that differ (services compared as a whole, by position). */
export function diffForms(a: PartnerForm, b: PartnerForm): string[] {
  const out: string[] = [];
  for (const key of Object.keys(a) as (keyof PartnerForm)[]) {
    if (key === "services") continue;
    if (JSON.stringify(a[key]) !== JSON.stringify(b[key])) out.push(key);
  }
  const strip = (f: PartnerForm) => f.services.map((s) => ({ ...s, id: "" }));
  if (JSON.stringify(strip(a)) !== JSON.stringify(strip(b))) out.push("services");
  return out;
}

type Resolver = <T extends Resource["resourceType"]>(
  ref: { reference?: string } | undefined,
  type: T,
) => Extract<Resource, { resourceType: T }> | undefined;

function profileProblems(resource: Resource, resolve: Resolver): string[] {
  const out: string[] = [];
  switch (resource.resourceType) {
    case "Organization": {
      if (!resource.name?.trim()) out.push("name is required");
      const types = codesOf(resource.type, CODE_SYSTEM.partnerType);
      if (types.length === 0) out.push("type needs at least one wr-partner-type code (wr-org-1)");
      for (const t of types.filter((c) => !PARTNER_TYPES.has(c)))
        out.push(`type: "${t}" is not a wr-partner-type code`);
      break;
    }
    case "HealthcareService": {
      if (!resource.name?.trim()) out.push("name is required");
      if (!resolve(resource.providedBy, "Organization"))
        out.push("providedBy must point to an Organization in this bundle");
      const types = resource.type ?? [];
      if (types.length === 0) out.push("type needs at least one wr-dsv-services code");
      types.forEach((concept, i) => {
        const codes = codesOf([concept], CODE_SYSTEM.dsvServices);
        if (codes.length === 0)
          out.push(`type[${i}] is not from wr-dsv-services (required binding)`);
        for (const c of codes.filter((x) => !DSV.has(x)))
          out.push(`type[${i}]: "${c}" is not a wr-dsv-services code`);
      });
      if (!resource.communication?.length)
        out.push("communication needs at least one language (1..*)");
      (resource.availableTime ?? []).forEach((t, i) => {
        for (const time of [t.availableStartTime, t.availableEndTime])
          if (time !== undefined && !TIME.test(time))
            out.push(`availableTime[${i}]: "${time}" is not a time (hh:mm:ss)`);
      });
      break;
    }
    case "OrganizationAffiliation": {
      if (!resolve(resource.participatingOrganization, "Organization"))
        out.push("participatingOrganization must point to an Organization in this bundle");
      const tiers = codesOf(resource.code, CODE_SYSTEM.participationTier);
      const levels = codesOf(resource.code, CODE_SYSTEM.collaborationLevel);
      if (tiers.length !== 1 || !TIERS.has(tiers[0] ?? ""))
        out.push("code needs exactly one participation tier 1-4 (wr-aff-1)");
      if (levels.length !== 1 || !LEVELS.has(levels[0] ?? ""))
        out.push("code needs exactly one collaboration level (wr-aff-1)");
      const { start, end } = resource.period ?? {};
      if (start && !DATE.test(start.slice(0, 10))) out.push("period.start is not a date");
      if (end && !DATE.test(end.slice(0, 10))) out.push("period.end is not a date");
      if (start && end && end.slice(0, 10) < start.slice(0, 10))
        out.push("period ends before it starts (wr-aff-2)");
      const review = resource.extension?.find((e) => e.url === EXTENSION.mouReviewDate);
      if (review && !DATE.test(review.valueDate ?? ""))
        out.push("the MOU review date (wr-mou-review-date) needs a valueDate");
      out.push(...upkeepProblems(resource));
      break;
    }
    case "Endpoint": {
      if (!resource.status || !ENDPOINT_STATUS.has(resource.status))
        out.push("status is required (active, suspended, error, off, …)");
      if (!resource.address || !/^https?:\/\//.test(resource.address))
        out.push("address must be the FHIR base URL (http or https)");
      const connection = (resource as { connectionType?: { code?: string } }).connectionType;
      if (connection?.code !== "hl7-fhir-rest")
        out.push("connectionType must be endpoint-connection-type#hl7-fhir-rest");
      if (!(resource as { payloadType?: unknown[] }).payloadType?.length)
        out.push("payloadType is required (1..*)");
      break;
    }
  }
  return out;
}
