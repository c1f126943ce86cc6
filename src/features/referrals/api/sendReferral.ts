import type { Bundle, BundleEntry, Consent, Resource, ServiceRequest, Task } from "fhir/r4";
import * as z from "zod/mini";
import { useMutation, useQueryClient } from "@tanstack/react-query";
import { requireCapability, useChartSession } from "../../../app/session";
import {
  buildReferralBundle,
  buildReferralConsent,
  buildReferralTask,
  buildWarmReferral,
  type ReferralInput,
} from "../../../fhir/builders/referral";
import { createEntry, fullUrl } from "../../../fhir/builders/common";
import { CODE_SYSTEM } from "../../../fhir/canonical";
import { FailureError } from "../../../fhir/failures";
import type { FhirHttp } from "../../../fhir/http";
import { queryKeys } from "../../../fhir/queryKeys";
import { bundleResponseSchema, createdReferences } from "../../../fhir/schemas";

// Sending the warm referral. The first send is ONE transaction of conditional creates
// (src/fhir/builders/referral.ts). A retry first reads back what the server holds under the
// draft's identifiers, because the answer to an earlier send may have been lost after the
// server committed it: a conditional create would then return the old records, and an edit
// made since (a new safe phone, another partner) would silently never reach the server.
// When the stored records differ from the draft, they are updated with If-Match in one
// transaction, while the partner has not started on the referral.

/** What the user can change in a draft, as stored in the records; compared field by field. */
export interface ReferralContent {
  partner: string | null;
  partnerService: string | null;
  services: string[];
  priority: string | null;
  handoff: string | null;
  safeContact: unknown;
  consentEnd: string | null;
  consentActive: boolean;
}

export type ContentField = keyof ReferralContent;

export interface SendResult {
  /** "ServiceRequest/…" etc. of the records the server holds. */
  references: string[];
  /** The fields that were changed on the server because a lost answer hid the first send. */
  updated: ContentField[];
}

const stored = z.looseObject({
  resourceType: z.string(),
  id: z.string(),
  status: z.optional(z.string()),
  meta: z.optional(z.looseObject({ versionId: z.optional(z.string()) })),
  identifier: z.optional(
    z.array(z.looseObject({ system: z.optional(z.string()), value: z.optional(z.string()) })),
  ),
});
const searchSchema = z.looseObject({
  resourceType: z.literal("Bundle"),
  entry: z.optional(z.array(z.looseObject({ resource: z.optional(stored) }))),
});
type Stored = z.infer<typeof stored>;

export async function sendReferral(
  http: FhirHttp,
  input: ReferralInput,
  { retry }: { retry: boolean },
): Promise<SendResult> {
  if (retry) {
    const held = await readBack(http, input);
    if (held.serviceRequest) return updateToDraft(http, input, held);
  }
  const response = await http.request(bundleResponseSchema, "", {
    method: "POST",
    body: buildReferralBundle(input),
  });
  return { references: createdReferences(response.body), updated: [] };
}

/** Sends the draft (refused before sending unless the role sends referrals); History re-reads. */
export function useSendReferral() {
  const session = useChartSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ input, retry }: { input: ReferralInput; retry: boolean }) => {
      requireCapability(session, "send-referral");
      return sendReferral(session.http, input, { retry });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.history(session.patient.id) });
    },
  });
}

interface Held {
  serviceRequest?: Stored;
  task?: Stored;
  consent?: Stored;
}

/** The records stored under the draft's identifiers: two searches, sent together. */
async function readBack(http: FhirHttp, input: ReferralInput): Promise<Held> {
  const token = (id: string) => encodeURIComponent(`${CODE_SYSTEM.identifier}|${id}`);
  const [referral, consent] = await Promise.all([
    http.request(
      searchSchema,
      `ServiceRequest?identifier=${token(input.ids.serviceRequest)}&_revinclude=Task:focus`,
    ),
    http.request(searchSchema, `Consent?identifier=${token(input.ids.consent)}`),
  ]);
  const resources = [...(referral.body.entry ?? []), ...(consent.body.entry ?? [])]
    .map((e) => e.resource)
    .filter((r): r is Stored => Boolean(r));
  const withId = (type: string, id: string) =>
    resources.find(
      (r) =>
        r.resourceType === type &&
        (r.identifier ?? []).some((i) => i.system === CODE_SYSTEM.identifier && i.value === id),
    );
  const held: Held = {};
  const sr = withId("ServiceRequest", input.ids.serviceRequest);
  const task = withId("Task", input.ids.task);
  const c = withId("Consent", input.ids.consent);
  if (sr) held.serviceRequest = sr;
  if (task) held.task = task;
  if (c) held.consent = c;
  return held;
}

/** The draft-controlled content of a referral's records (stored or newly built). */
export function contentOf(records: {
  serviceRequest?: unknown;
  task?: unknown;
  consent?: unknown;
}): ReferralContent {
  const sr = (records.serviceRequest ?? {}) as ServiceRequest;
  const task = (records.task ?? {}) as Task;
  const consent = records.consent as Consent | undefined;
  const performer = (type: string) =>
    sr.performer?.find((p) => p.reference?.startsWith(`${type}/`))?.reference ?? null;
  const consentActive = consent?.status === "active";
  return {
    partner: performer("Organization"),
    partnerService: performer("HealthcareService"),
    services: (sr.orderDetail ?? [])
      .flatMap((c) => c.coding ?? [])
      .filter((c) => c.system === CODE_SYSTEM.dsvServices)
      .map((c) => c.code ?? "")
      .sort(),
    priority: sr.priority ?? null,
    handoff:
      sr.extension?.map((e) => e.valueCoding).find((c) => c?.system === CODE_SYSTEM.handoffMethod)
        ?.code ?? null,
    safeContact: task.extension ?? null,
    consentEnd: consentActive ? (consent?.provision?.period?.end ?? null) : null,
    consentActive,
  };
}

/** The fields whose stored value differs from the draft's. */
export function differences(held: ReferralContent, draft: ReferralContent): ContentField[] {
  return (Object.keys(draft) as ContentField[]).filter(
    (key) => JSON.stringify(held[key]) !== JSON.stringify(draft[key]),
  );
}

async function updateToDraft(
  http: FhirHttp,
  input: ReferralInput,
  held: Held,
): Promise<SendResult> {
  const sr = held.serviceRequest as Stored;
  const wanted = {
    serviceRequest: buildWarmReferral(input),
    task: buildReferralTask(input),
    ...(input.partnerOrganizationId ? { consent: buildReferralConsent(input) } : {}),
  };
  const changed = differences(contentOf(held), contentOf(wanted));
  const references = [
    ...(held.consent ? [`Consent/${held.consent.id}`] : []),
    `ServiceRequest/${sr.id}`,
    ...(held.task ? [`Task/${held.task.id}`] : []),
  ];
  if (changed.length === 0) return { references, updated: [] };
  // Once the partner has acted on the referral it is theirs too: change it only by withdrawing
  // it in History and sending a new one.
  if (held.task && held.task.status !== "requested")
    throw new FailureError({ kind: "referral-in-progress" });

  const srRef = `ServiceRequest/${sr.id}`;
  const entries: BundleEntry[] = [];
  let consentRef: string | undefined;
  if (wanted.consent) {
    const consent: Consent = {
      ...wanted.consent,
      provision: {
        ...wanted.consent.provision,
        data: [{ meaning: "related", reference: { reference: srRef } }],
      },
    };
    if (held.consent) {
      consentRef = `Consent/${held.consent.id}`;
      entries.push(putEntry(consent, held.consent));
    } else {
      consentRef = fullUrl(input.ids.consent);
      entries.push(createEntry(consent, input.ids.consent));
    }
  } else if (held.consent && held.consent.status === "active") {
    // No partner any more: nothing is shared, so the consent to share ends now.
    const previous = held.consent as unknown as Consent;
    const ended: Consent = {
      ...previous,
      status: "inactive",
      provision: {
        ...previous.provision,
        period: { ...previous.provision?.period, end: new Date().toISOString() },
      },
    };
    entries.push(putEntry(ended, held.consent));
  }
  entries.push(
    putEntry(
      {
        ...wanted.serviceRequest,
        ...(consentRef ? { supportingInfo: [{ reference: consentRef }] } : {}),
      },
      sr,
    ),
  );
  const task: Task = {
    ...wanted.task,
    focus: { reference: srRef },
    lastModified: new Date().toISOString(),
  };
  entries.push(held.task ? putEntry(task, held.task) : createEntry(task, input.ids.task));
  const bundle: Bundle = { resourceType: "Bundle", type: "transaction", entry: entries };
  const response = await http.request(bundleResponseSchema, "", { method: "POST", body: bundle });
  const answered = createdReferences(response.body).filter(Boolean);
  return { references: answered.length ? answered : references, updated: changed };
}

/** A versioned update of a stored record: same id, guarded by the version that was read. */
function putEntry(resource: Resource, current: Stored): BundleEntry {
  return {
    resource: { ...resource, id: current.id } as Resource,
    request: {
      method: "PUT",
      url: `${current.resourceType}/${current.id}`,
      ...(current.meta?.versionId ? { ifMatch: `W/"${current.meta.versionId}"` } : {}),
    },
  };
}
