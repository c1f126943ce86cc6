import type { Consent, ServiceRequest, Task } from "fhir/r4";
import { buildReferralBundle, type ReferralInput } from "../../../fhir/builders/referral";
import { FailureError } from "../../../fhir/failures";
import { sampleReferral } from "../../../../test/fixtures/referral";
import { FhirStore } from "../../../../test/msw/fhirStore";
import { serveStore, storeHttp } from "../../../../test/unit/render";
import { contentOf, differences, sendReferral } from "./sendReferral";

const store = new FhirStore();
serveStore(store);

const one = <T>(type: string) => {
  const all = store.all(type);
  expect(all).toHaveLength(1);
  return all[0] as T;
};
const safePhoneOf = (task: Task) =>
  task.extension?.[0]?.extension?.find((e) => e.url === "safePhone")?.valueContactPoint?.value;

/** A draft as the flow sends it, with fresh identifiers so tests do not share records. */
function draft(overrides: Partial<ReferralInput> = {}): ReferralInput {
  return { ...sampleReferral, education: undefined, ...overrides } as ReferralInput;
}

beforeEach(() => store.clear());

describe("sendReferral", () => {
  it("sends one transaction the first time", async () => {
    const result = await sendReferral(storeHttp(), draft(), { retry: false });
    expect(result.updated).toEqual([]);
    expect(result.references).toHaveLength(3);
    expect(store.all("ServiceRequest")).toHaveLength(1);
  });

  it("after a lost answer, brings the stored records up to an edited draft", async () => {
    // The first send committed, but its answer never reached the app.
    store.transaction(buildReferralBundle(draft()));
    const edited = draft({
      partnerOrganizationId: "org-bridges",
      partnerServiceId: "hs-bridges",
      safeContact: { ...sampleReferral.safeContact, safePhone: "503-555-0142" },
    });
    const before = store.requests.length;
    const result = await sendReferral(storeHttp(), edited, { retry: true });

    expect(result.updated).toEqual(
      expect.arrayContaining(["partner", "partnerService", "safeContact"]),
    );
    const sr = one<ServiceRequest>("ServiceRequest");
    const task = one<Task>("Task");
    const consent = one<Consent>("Consent");
    expect(sr.performer?.map((p) => p.reference)).toEqual([
      "Organization/org-bridges",
      "HealthcareService/hs-bridges",
    ]);
    expect(task.owner?.reference).toBe("Organization/org-bridges");
    expect(safePhoneOf(task)).toBe("503-555-0142");
    expect(consent.provision?.actor?.[0]?.reference.reference).toBe("Organization/org-bridges");
    // References point at the stored records, never at the bundle's urn:uuids.
    expect(task.focus?.reference).toBe(`ServiceRequest/${sr.id}`);
    expect(sr.supportingInfo?.[0]?.reference).toBe(`Consent/${consent.id}`);
    expect(consent.provision?.data?.[0]?.reference.reference).toBe(`ServiceRequest/${sr.id}`);
    // Read back (two searches) and one versioned transaction.
    const sent = store.requests.slice(before);
    expect(sent.map((r) => r.method)).toEqual(["GET", "GET", "POST"]);
    const entries = (
      sent[2]?.body as { entry: { request: { method: string; ifMatch?: string } }[] }
    ).entry;
    expect(entries.every((e) => e.request.method === "PUT" && e.request.ifMatch)).toBe(true);
  });

  it("after a lost answer with the same draft, changes nothing", async () => {
    store.transaction(buildReferralBundle(draft()));
    const versions = store.all().map((r) => r.meta?.versionId);
    const result = await sendReferral(storeHttp(), draft(), { retry: true });
    expect(result).toEqual({ references: expect.any(Array), updated: [] });
    expect(result.references).toHaveLength(3);
    expect(store.all().map((r) => r.meta?.versionId)).toEqual(versions);
  });

  it("a retry when nothing reached the server sends the referral", async () => {
    const result = await sendReferral(storeHttp(), draft(), { retry: true });
    expect(result.updated).toEqual([]);
    expect(store.all("Task")).toHaveLength(1);
  });

  it("switching to no partner ends the consent to share and keeps the referral the clinic's", async () => {
    store.transaction(buildReferralBundle(draft()));
    const edited = draft({ handoff: "hotline" });
    delete edited.partnerOrganizationId;
    delete edited.partnerServiceId;
    await sendReferral(storeHttp(), edited, { retry: true });
    expect(one<Consent>("Consent").status).toBe("inactive");
    expect(one<ServiceRequest>("ServiceRequest").performer).toBeUndefined();
    expect(one<Task>("Task").owner?.reference).toBe("Organization/clinic");
  });

  it("refuses to change a referral the partner has already acted on", async () => {
    store.transaction(buildReferralBundle(draft()));
    const task = one<Task>("Task");
    store.put({ ...task, status: "accepted" });
    const edited = draft({ safeContact: { ...sampleReferral.safeContact, safePhone: "1" } });
    await expect(sendReferral(storeHttp(), edited, { retry: true })).rejects.toEqual(
      new FailureError({ kind: "referral-in-progress" }),
    );
    expect(safePhoneOf(one<Task>("Task"))).toBe("503-555-0199");
  });
});

describe("differences", () => {
  it("names each draft-controlled field that changed", () => {
    const built = (input: ReferralInput) => {
      const [consent, serviceRequest, task] = (buildReferralBundle(input).entry ?? []).map(
        (e) => e.resource,
      );
      return contentOf({ consent, serviceRequest, task });
    };
    expect(differences(built(draft()), built(draft()))).toEqual([]);
    expect(differences(built(draft()), built(draft({ priority: "stat" })))).toEqual(["priority"]);
    expect(
      differences(built(draft()), built(draft({ consentEnd: "2027-03-01T00:00:00.000Z" }))),
    ).toEqual(["consentEnd"]);
  });
});
