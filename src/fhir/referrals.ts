import * as z from "zod/mini";
import {
  bundleResponseSchema,
  codeableConcept,
  coding,
  consentSchema,
  extension,
  reference,
  str,
} from "./schemas";
import { FailureError } from "./failures";
import {
  CARD_TYPES_PART,
  CODE_SYSTEM,
  EXTENSION,
  localReference,
  SDOHCC_TEMP,
  IPV_CATEGORY_TOKEN,
  hasIpvCategory,
  V3_ACT_CODE,
  V3_CONFIDENTIALITY,
} from "./canonical";
import { readBusinessStatus } from "./businessStatus";
import type { FhirHttp } from "./http";
import { applyTaskStep } from "./builders/taskUpdate";
import { dsvSecurity, type LabelPolicy } from "./builders/common";
import { actionsFor } from "../domain/taskLifecycle";
import type { EducationHistory, PatientHistoryData, ReferralHistory } from "../domain/history";

// Reading back what the journey wrote, for the patient's history: the transaction response,
// universal-education Procedures and warm referrals with their Tasks. FHIR JSON → zod → the
// domain types below; the UI never sees raw FHIR.

const identifier = z.looseObject({ system: str(), value: str() });
const meta = z.optional(
  z.looseObject({
    profile: z.optional(z.array(z.string())),
    security: z.optional(z.array(coding)),
  }),
);

const procedureSchema = z.looseObject({
  resourceType: z.literal("Procedure"),
  id: z.string(),
  meta,
  status: str(),
  code: z.optional(codeableConcept),
  performedDateTime: str(),
  performer: z.optional(z.array(z.looseObject({ actor: z.optional(reference) }))),
  extension: z.optional(z.array(extension)),
});

const serviceRequestSchema = z.looseObject({
  resourceType: z.literal("ServiceRequest"),
  id: z.string(),
  meta,
  identifier: z.optional(z.array(identifier)),
  status: str(),
  priority: str(),
  category: z.optional(z.array(codeableConcept)),
  code: z.optional(codeableConcept),
  authoredOn: str(),
  orderDetail: z.optional(z.array(codeableConcept)),
  performer: z.optional(z.array(reference)),
  supportingInfo: z.optional(z.array(reference)),
  extension: z.optional(z.array(extension)),
});

const taskSchema = z.looseObject({
  resourceType: z.literal("Task"),
  id: z.string(),
  meta,
  status: str(),
  businessStatus: z.optional(codeableConcept),
  statusReason: z.optional(codeableConcept),
  focus: z.optional(reference),
  lastModified: str(),
  restriction: z.optional(z.looseObject({ period: z.optional(z.looseObject({ end: str() })) })),
  output: z.optional(
    z.array(
      z.looseObject({
        type: z.optional(codeableConcept),
        valueString: str(),
        valueCodeableConcept: z.optional(codeableConcept),
        valueReference: z.optional(reference),
      }),
    ),
  ),
});

const organizationSchema = z.looseObject({
  resourceType: z.literal("Organization"),
  id: z.string(),
  name: str(),
});

const anyResource = z.looseObject({ resourceType: z.string() });

export const historySearchSchema = z.looseObject({
  resourceType: z.literal("Bundle"),
  entry: z.optional(z.array(z.looseObject({ resource: z.optional(anyResource) }))),
});

const SDV = encodeURIComponent(`${V3_ACT_CODE}|SDV`);

/**
 * The searches behind History. Referrals are found as any SDOHCC system writes them: by the
 * IPV category, and by our identifier system, whether or not they carry our labels or profile
 * (a referral without labels is shown with a warning). Tasks are searched by patient too, so a
 * Task whose focus is an absolute URL is found as well as one found by _revinclude.
 */
export function historyPaths(patientId: string): {
  procedures: string;
  referrals: string;
  ourReferrals: string;
  tasks: string;
  consents: string;
} {
  const subject = encodeURIComponent(`Patient/${patientId}`);
  const include = "_revinclude=Task:focus&_include=ServiceRequest:performer&_count=50";
  return {
    consents: `Consent?patient=${subject}&_count=50`,
    procedures: `Procedure?subject=${subject}&_security=${SDV}&_count=50`,
    referrals: `ServiceRequest?subject=${subject}&category=${IPV_CATEGORY_TOKEN}&${include}`,
    ourReferrals: `ServiceRequest?subject=${subject}&identifier=${encodeURIComponent(`${CODE_SYSTEM.identifier}|`)}&${include}`,
    tasks: `Task?patient=${subject}&_count=100`,
  };
}

const codeOf = (c: z.infer<typeof codeableConcept> | undefined, system?: string) =>
  c?.coding?.find((x) => !system || x.system === system)?.code;

function parseAll<S extends z.ZodMiniType>(
  schema: S,
  entries: z.infer<typeof historySearchSchema>["entry"],
  type: string,
): z.output<S>[] {
  const out: z.output<S>[] = [];
  for (const e of entries ?? []) {
    if (e.resource?.resourceType !== type) continue;
    const parsed = schema.safeParse(e.resource);
    if (parsed.success) out.push(parsed.data);
  }
  return out;
}

export function toEducationHistory(
  procedures: z.infer<typeof procedureSchema>[],
): EducationHistory[] {
  return procedures
    .map((p) => ({
      id: p.id,
      ...(p.performedDateTime ? { date: p.performedDateTime } : {}),
      what: codeOf(p.code, CODE_SYSTEM.activity) ?? p.code?.text ?? "",
      cards: (p.extension ?? [])
        .filter((e) => e.url === EXTENSION.cardTypes)
        .map((e) => {
          const part = (name: string) => e.extension?.find((x) => x.url === name);
          const type = part(CARD_TYPES_PART.type)?.valueCoding as { code?: string } | undefined;
          return {
            type: type?.code ?? "",
            language: String(part(CARD_TYPES_PART.language)?.valueCode ?? ""),
            count: Number(part(CARD_TYPES_PART.count)?.valuePositiveInt ?? 1),
          };
        }),
      ...(p.performer?.[0]?.actor?.reference ? { performer: p.performer[0].actor.reference } : {}),
    }))
    .sort((a, b) => (b.date ?? "").localeCompare(a.date ?? ""));
}

const isIpvReferral = (sr: z.infer<typeof serviceRequestSchema>) =>
  hasIpvCategory(sr.category) ||
  (sr.identifier ?? []).some((i) => i.system === CODE_SYSTEM.identifier);

/** R and SDV (invariant 1): without them a portal may show the record to the patient. */
const labelled = (m: z.infer<typeof meta>) =>
  (m?.security ?? []).some((c) => c.system === V3_CONFIDENTIALITY && c.code === "R") &&
  (m?.security ?? []).some((c) => c.system === V3_ACT_CODE && c.code === "SDV");

/** Task.output in words: a string, a concept's text or display, or what a reference names. */
function outputText(o: NonNullable<z.infer<typeof taskSchema>["output"]>[number]): string {
  if (o.valueString) return o.valueString;
  const cc = o.valueCodeableConcept;
  if (cc)
    return cc.text ?? cc.coding?.find((c) => c.display)?.display ?? cc.coding?.[0]?.code ?? "";
  const r = o.valueReference;
  if (r) return r.display ?? r.reference ?? "";
  return "";
}

export function toReferralHistory(
  entries: z.infer<typeof historySearchSchema>["entry"],
  consentEntries: z.infer<typeof historySearchSchema>["entry"] = [],
  serverUrl?: string,
) {
  const consents = new Map(
    parseAll(consentSchema, consentEntries, "Consent").map((c) => [`Consent/${c.id}`, c]),
  );
  const byId = new Map<string, z.infer<typeof serviceRequestSchema>>();
  for (const sr of parseAll(serviceRequestSchema, entries, "ServiceRequest"))
    if (isIpvReferral(sr)) byId.set(sr.id, sr);
  const taskById = new Map(parseAll(taskSchema, entries, "Task").map((t) => [t.id, t]));
  const tasks = [...taskById.values()];
  const orgs = new Map(
    parseAll(organizationSchema, entries, "Organization").map((o) => [`Organization/${o.id}`, o]),
  );
  return [...byId.values()]
    .filter((sr) => sr.status !== "entered-in-error")
    .map((sr): ReferralHistory | undefined => {
      const forThis = tasks.filter(
        (t) => localReference(t.focus?.reference, serverUrl) === `ServiceRequest/${sr.id}`,
      );
      // A Task entered in error is not the referral's Task; if all are, the referral is hidden.
      const task = forThis.find((t) => t.status !== "entered-in-error");
      if (!task && forThis.length > 0) return undefined;
      const orgRef = sr.performer?.find((p) => p.reference?.startsWith("Organization/"));
      const handoff = sr.extension?.find((e) => e.url === EXTENSION.handoffMethod)?.valueCoding as
        { code?: string } | undefined;
      const consent = consentOf(sr.supportingInfo, consents);
      const consentRaw = consent.consent
        ? consents.get(`Consent/${consent.consent.id}`)
        : undefined;
      const unlabelled = [
        ...(labelled(sr.meta) ? [] : [`ServiceRequest/${sr.id}`]),
        ...(task && !labelled(task.meta) ? [`Task/${task.id}`] : []),
        ...(consentRaw && !labelled((consentRaw as { meta?: z.infer<typeof meta> }).meta)
          ? [`Consent/${consentRaw.id}`]
          : []),
      ];
      const outputs = (task?.output ?? []).map(outputText).filter(Boolean);
      const businessStatus = readBusinessStatus(task?.businessStatus);
      return {
        id: sr.id,
        ...(sr.authoredOn ? { authoredOn: sr.authoredOn } : {}),
        ...(sr.status ? { status: sr.status } : {}),
        ...(sr.priority ? { priority: sr.priority } : {}),
        partner:
          orgs.get(orgRef?.reference ?? "")?.name ?? orgRef?.display ?? orgRef?.reference ?? "",
        services: (sr.orderDetail ?? [])
          .map((c) => codeOf(c, CODE_SYSTEM.dsvServices))
          .filter((c): c is string => Boolean(c)),
        ...(handoff?.code ? { handoff: handoff.code } : {}),
        ...((sr.orderDetail ?? []).some((c) =>
          c.coding?.some(
            (x) => x.system === SDOHCC_TEMP && x.code === "contacting-subject-prohibited",
          ),
        )
          ? { noContact: true }
          : {}),
        ...(unlabelled.length ? { unlabelled } : {}),
        ...consent,
        ...(task
          ? {
              task: {
                id: task.id,
                ...(task.status ? { status: task.status } : {}),
                ...(businessStatus ? { businessStatus } : {}),
                ...(codeOf(task.statusReason) ? { statusReason: codeOf(task.statusReason) } : {}),
                ...(task.statusReason?.text ? { reasonText: task.statusReason.text } : {}),
                ...(outputs.length ? { outputs } : {}),
                ...(task.restriction?.period?.end
                  ? { followUpDue: task.restriction.period.end }
                  : {}),
                ...(task.lastModified ? { lastModified: task.lastModified } : {}),
              },
            }
          : {}),
      };
    })
    .filter((r): r is ReferralHistory => r !== undefined)
    .sort((a, b) => (b.authoredOn ?? "").localeCompare(a.authoredOn ?? ""));
}

function consentOf(
  supportingInfo: { reference?: string }[] | undefined,
  consents: Map<string, z.infer<typeof consentSchema>>,
): { consent?: ReferralHistory["consent"] } {
  const ref = supportingInfo?.find((r) => r.reference?.startsWith("Consent/"))?.reference;
  if (!ref) return {};
  const c = consents.get(ref);
  return {
    consent: {
      id: ref.slice("Consent/".length),
      ...(c?.status ? { status: c.status } : {}),
      ...(c?.provision?.period?.end ? { end: c.provision.period.end } : {}),
    },
  };
}

/** The patient's labelled education and referral records (three searches, in parallel). */
/** The history's records that fail their schema, each counted once (searches overlap). */
function unreadableCount(entries: z.infer<typeof historySearchSchema>["entry"]): number {
  const schemas: Record<string, z.ZodMiniType> = {
    Procedure: procedureSchema,
    ServiceRequest: serviceRequestSchema,
    Task: taskSchema,
    Consent: consentSchema,
    Organization: organizationSchema,
  };
  const bad = new Set<string>();
  (entries ?? []).forEach((e, i) => {
    const r = e.resource as { resourceType?: string; id?: unknown } | undefined;
    const schema = r?.resourceType ? schemas[r.resourceType] : undefined;
    if (schema && !schema.safeParse(r).success)
      bad.add(typeof r?.id === "string" ? `${r.resourceType}/${r.id}` : `#${i}`);
  });
  return bad.size;
}

export async function fetchPatientHistory(
  http: FhirHttp,
  patientId: string,
): Promise<PatientHistoryData> {
  const paths = historyPaths(patientId);
  const [procedures, referrals, ours, tasks, consents] = await Promise.all([
    http.request(historySearchSchema, paths.procedures),
    http.request(historySearchSchema, paths.referrals),
    http.request(historySearchSchema, paths.ourReferrals),
    http.request(historySearchSchema, paths.tasks),
    http.request(historySearchSchema, paths.consents),
  ]);
  return {
    education: toEducationHistory(parseAll(procedureSchema, procedures.body.entry, "Procedure")),
    referrals: toReferralHistory(
      [...(referrals.body.entry ?? []), ...(ours.body.entry ?? []), ...(tasks.body.entry ?? [])],
      consents.body.entry,
      http.serverUrl,
    ),
    unreadable: unreadableCount([
      ...(procedures.body.entry ?? []),
      ...(referrals.body.entry ?? []),
      ...(ours.body.entry ?? []),
      ...(tasks.body.entry ?? []),
      ...(consents.body.entry ?? []),
    ]),
  };
}

const consentForUpdateSchema = z.looseObject({
  resourceType: z.literal("Consent"),
  id: z.string(),
  status: z.string(),
  meta: z.optional(z.looseObject({ versionId: str() })),
  provision: z.optional(
    z.looseObject({
      period: z.optional(z.looseObject({ start: str(), end: str() })),
      data: z.optional(z.array(z.looseObject({ reference: z.optional(reference) }))),
    }),
  ),
});

const versioned = z.looseObject({
  resourceType: z.string(),
  id: z.string(),
  status: str(),
  focus: z.optional(reference),
  meta: z.optional(z.looseObject({ versionId: str() })),
});

const referralWithTaskSchema = z.looseObject({
  resourceType: z.literal("Bundle"),
  entry: z.optional(z.array(z.looseObject({ resource: z.optional(versioned) }))),
});

/** A PUT entry of a transaction, guarded by the version the update was made from. */
function putEntry(resource: {
  resourceType: string;
  id: string;
  meta?: { versionId?: string | undefined; [key: string]: unknown } | undefined;
  [key: string]: unknown;
}) {
  return {
    resource,
    request: {
      method: "PUT",
      url: `${resource.resourceType}/${resource.id}`,
      ...(resource.meta?.versionId ? { ifMatch: `W/"${resource.meta.versionId}"` } : {}),
    },
  };
}

/**
 * The patient withdraws a consent to share: status inactive and the period ends now, and, in
 * the same transaction, the referral it covers is revoked (ServiceRequest `revoked`) and its
 * Task cancelled with the reason consent-withdrawn (the requester's step in
 * src/domain/taskLifecycle.ts), so the partner sees it as withdrawn. Every entry is a
 * versioned update (ifMatch), so a concurrent change is never overwritten silently.
 */
export async function withdrawConsent(
  http: FhirHttp,
  consentId: string,
  now: Date = new Date(),
  by?: { reference: string; display?: string },
): Promise<void> {
  const path = `Consent/${encodeURIComponent(consentId)}`;
  const current = await http.request(consentForUpdateSchema, path);
  // Someone withdrew (or ended) it since this screen read it: nothing to write, and the screen
  // must show what the server holds — as for a lost If-Match race.
  if (current.body.status !== "active")
    throw new FailureError({
      kind: "conflict",
      diagnostics: [`The consent is no longer active (${current.body.status}).`],
    });
  const period = current.body.provision?.period ?? {};
  const end = now.toISOString();
  const updated = {
    ...current.body,
    status: "inactive",
    provision: {
      ...current.body.provision,
      period: {
        ...period,
        end: period.end && period.end < end ? period.end : end,
      },
    },
  };
  const srRef = current.body.provision?.data
    ?.map((d) => d.reference?.reference)
    .find((r) => r?.startsWith("ServiceRequest/"));
  const entries: unknown[] = [putEntry(updated)];
  if (srRef) {
    const found = await http.request(
      referralWithTaskSchema,
      `ServiceRequest?_id=${encodeURIComponent(srRef.slice("ServiceRequest/".length))}&_revinclude=Task:focus`,
    );
    const resources = (found.body.entry ?? []).map((e) => e.resource);
    const sr = resources.find((r) => r?.resourceType === "ServiceRequest");
    if (sr && sr.status !== "revoked" && sr.status !== "completed")
      entries.push(putEntry({ ...sr, status: "revoked" }));
    for (const task of resources) {
      if (task?.resourceType !== "Task" || task.focus?.reference !== srRef) continue;
      if (!actionsFor("requester", task.status).some((t) => t.action === "cancel")) continue;
      entries.push(
        putEntry(
          applyTaskStep(task, {
            action: "cancel",
            party: "requester",
            reasonCode: "consent-withdrawn",
            by: by ?? { reference: "Organization/clinic" },
            now,
          }),
        ),
      );
    }
  }
  await http.request(bundleResponseSchema, "", {
    method: "POST",
    body: { resourceType: "Bundle", type: "transaction", entry: entries },
  });
}

// ---- labels for a referral another system wrote without them --------------------------------

const labelTarget = z.looseObject({
  resourceType: z.string(),
  id: z.string(),
  meta: z.optional(z.looseObject({ versionId: str(), security: z.optional(z.array(coding)) })),
});

/**
 * Adds our security labels (R + SDV, and NOPAT unless the policy turns it off) to the records
 * of a referral that lack them ("ServiceRequest/1", "Task/2", …). Each is read fresh and
 * written back with If-Match on the version read, all in ONE transaction: either every record
 * is labelled or none is (a concurrent change fails the whole transaction with 409/412).
 * Labels already there are kept; nothing else changes.
 */
export async function addSecurityLabels(
  http: FhirHttp,
  references: readonly string[],
  policy: LabelPolicy,
): Promise<void> {
  const wanted = dsvSecurity(policy);
  const current = await Promise.all(
    references.map((r) =>
      http.request(labelTarget, r.split("/").map(encodeURIComponent).join("/")),
    ),
  );
  const entry = current.map(({ body }) => {
    const security: { system?: string; code?: string }[] = [...(body.meta?.security ?? [])];
    for (const label of wanted)
      if (!security.some((c) => c.system === label.system && c.code === label.code))
        security.push({ system: label.system, code: label.code });
    return putEntry({ ...body, meta: { ...body.meta, security } });
  });
  await http.request(bundleResponseSchema, "", {
    method: "POST",
    body: { resourceType: "Bundle", type: "transaction", entry },
  });
}
