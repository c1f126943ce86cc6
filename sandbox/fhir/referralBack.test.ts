// @vitest-environment node
import { businessStatusConcept, readBusinessStatus } from "../../src/fhir/businessStatus";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Bundle, Consent, OperationOutcome, Task } from "fhir/r4";
import { emptyReferralBackDraft } from "../../src/domain/incomingReferral";
import {
  applyBackStep,
  applyMatch,
  buildReferralBackBundle,
  type ReferralBackInput,
} from "../../src/fhir/builders/incomingReferral";
import { validateWrite } from "../../fhir-profiles/validator";
import { startTestFhirServer } from "./testing";
import type { TestFhirServer, TokenTable } from "./testing";

// Referrals back on the sandbox: a partner advocate creates ServiceRequest + Task + Consent for
// the clinic in one transaction (once, however often it is sent), reads back only its own
// program's, and makes only the requester's steps; clinic staff are the performer and see the
// client only while the consent covers the clinic; a label-honouring portal sees none of it.

const ADVOCATE = [
  "openid",
  "fhirUser",
  "user/ServiceRequest.crus",
  "user/Task.crus",
  "user/Consent.crs",
  "user/Organization.rs",
  "user/Patient.rs",
  "user/Practitioner.rs",
  "user/PractitionerRole.rs",
];
const TOKENS: TokenTable = {
  santos: { scopes: ADVOCATE, fhirUser: "Practitioner/adv-santos" },
  nguyen: { scopes: ADVOCATE, fhirUser: "Practitioner/adv-nguyen" },
  ma: {
    scopes: ["openid", "fhirUser", "user/*.rs", "user/Task.rus"],
    fhirUser: "Practitioner/ma-lopez",
  },
  provider: {
    scopes: ["openid", "fhirUser", "patient/*.cruds", "user/*.cruds"],
    fhirUser: "Practitioner/prov-rivera",
  },
  portal: { scopes: ["patient/*.rs"], patient: "pat-maria", patientFacing: true },
};

let srv: TestFhirServer;
beforeAll(async () => {
  srv = await startTestFhirServer(TOKENS, { validateWrite });
}, 60_000);
afterAll(() => srv.close());
beforeEach(() => srv.handle.reset());

const json = async <T>(r: Response) => (await r.json()) as T;
const diag = (oo: OperationOutcome) => oo.issue.map((i) => i.diagnostics ?? "").join(" | ");

let n = 0;
function input(partner = "Organization/org-safe-harbor"): ReferralBackInput {
  n++;
  const id = (k: number) => `00000000-0000-4000-9000-${String(n).padStart(8, "0")}000${k}`;
  return {
    ids: { consent: id(1), serviceRequest: id(2), task: id(3), client: id(4) },
    draft: {
      ...emptyReferralBackDraft(),
      reason: "next-day-appointment",
      urgency: "urgent",
      givenName: "Maria",
      familyName: "Garcia",
      birthDate: "1990-04-02",
      language: "es",
      safeContact: { noContact: false, safePhone: "503-555-0142", voicemailOk: false },
      consent: true,
    },
    partnerOrganization: partner,
    clinicOrganization: "Organization/clinic",
    authoredAt: new Date().toISOString(),
    labelPolicy: { nopat: true },
  };
}

async function send(token: string, bundle: Bundle) {
  const res = await srv.request(token, "/", { method: "POST", json: bundle });
  const body = await json<Bundle & OperationOutcome>(res);
  return { status: res.status, body };
}

const locations = (b: Bundle) =>
  (b.entry ?? []).map((e) => (e.response?.location ?? "").split("/").slice(0, 2).join("/"));

async function read<T>(token: string, ref: string) {
  const res = await srv.request(token, `/${ref}`);
  return { status: res.status, body: await json<T>(res), etag: res.headers.get("ETag") ?? "" };
}

async function put(token: string, task: Task, etag: string) {
  return srv.request(token, `/Task/${task.id}`, {
    method: "PUT",
    headers: { "If-Match": etag },
    json: task,
  });
}

const by = { reference: "Practitioner/ma-lopez", display: "Casey Lopez" };

describe("a partner refers a client back", () => {
  it("one transaction, written once however often it is sent", async () => {
    const bundle = buildReferralBackBundle(input());
    const first = await send("santos", bundle);
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    const again = await send("santos", bundle);
    expect(again.status).toBe(200);
    expect(locations(again.body)).toEqual(locations(first.body));
    const tasks = await json<Bundle>(
      await srv.request("santos", "/Task?requester=Organization/org-safe-harbor"),
    );
    expect(tasks.entry).toHaveLength(1);
  });

  it("reads back only its own program's referrals back", async () => {
    const { body } = await send("santos", buildReferralBackBundle(input()));
    const [, sr, task] = locations(body) as [string, string, string];
    expect((await read("santos", task)).status).toBe(200);
    expect((await read("santos", sr)).status).toBe(200);
    expect((await read("nguyen", task)).status).toBe(404);
    expect((await read("nguyen", sr)).status).toBe(404);
    const theirs = await json<Bundle>(
      await srv.request("nguyen", "/Task?requester=Organization/org-safe-harbor"),
    );
    expect(theirs.entry ?? []).toHaveLength(0);
  });

  it("may not write in another program's name, nor name a clinic Patient", async () => {
    const other = await send(
      "santos",
      buildReferralBackBundle(input("Organization/org-bridges-sa")),
    );
    expect(other.status).toBe(403);
    expect(diag(other.body)).toMatch(
      /requester must be your program|organization must be your program/,
    );
    const b = buildReferralBackBundle(input());
    const task = b.entry?.[2]?.resource as Task;
    task.for = { reference: "Patient/pat-maria" };
    delete task.contained;
    const named = await send("santos", b);
    expect([400, 403]).toContain(named.status);
    expect(diag(named.body)).toMatch(/contained Patient|wr-back-2/);
  });

  it("may not accept its own referral (the clinic is the performer)", async () => {
    const { body } = await send("santos", buildReferralBackBundle(input()));
    const [, , ref] = locations(body) as [string, string, string];
    const t = await read<Task>("santos", ref);
    const accepted = applyBackStep(t.body as never, {
      action: "accept",
      party: "performer",
      by,
      now: new Date(),
    });
    const res = await put("santos", accepted as Task, t.etag);
    expect(res.status).toBe(403);
  });
});

describe("the clinic works it", () => {
  it("accepts, matches, books and completes; the partner reads each step", async () => {
    const { body } = await send("santos", buildReferralBackBundle(input()));
    const [, , ref] = locations(body) as [string, string, string];
    const step = async (f: (t: Task) => Task) => {
      const t = await read<Task>("ma", ref);
      const res = await put("ma", f(t.body), t.etag);
      expect(res.status, JSON.stringify(await res.clone().json())).toBe(200);
      return (await read<Task>("santos", ref)).body;
    };
    const now = new Date();
    let seen = await step((t) =>
      applyBackStep(t as never, { action: "accept", party: "performer", by, now }),
    );
    expect(seen.status).toBe("accepted");
    seen = await step((t) => applyMatch(t as never, "pat-maria", by, now));
    expect(seen.for?.reference).toBe("Patient/pat-maria");
    expect(seen.contained).toBeUndefined();
    // The partner still cannot read the clinic's Patient.
    expect((await read("santos", "Patient/pat-maria")).status).toBe(404);
    seen = await step((t) =>
      applyBackStep(t as never, { action: "book-appointment", party: "performer", by, now }),
    );
    expect(readBusinessStatus(seen.businessStatus)).toBe("scheduled");
    seen = await step((t) =>
      applyBackStep(t as never, { action: "complete-seen", party: "performer", by, now }),
    );
    expect(seen.status).toBe("completed");
    // Nothing of it in the label-honouring portal of the matched patient.
    for (const type of ["Task", "ServiceRequest", "Consent"]) {
      const found = await json<Bundle>(await srv.request("portal", `/${type}?_count=100`));
      const refs = (found.entry ?? []).map((e) => `${e.resource?.resourceType}/${e.resource?.id}`);
      expect(refs.filter((r) => locations(body).includes(r))).toEqual([]);
    }
  });

  it("cannot match to a Patient that does not exist, nor take the requester's cancel", async () => {
    const { body } = await send("santos", buildReferralBackBundle(input()));
    const [, , ref] = locations(body) as [string, string, string];
    const t = await read<Task>("ma", ref);
    const accepted = applyBackStep(t.body as never, {
      action: "accept",
      party: "performer",
      by,
      now: new Date(),
    }) as Task;
    const res = await put("ma", accepted, t.etag);
    expect(res.status).toBe(200);
    const t2 = await read<Task>("ma", ref);
    const ghost = { ...t2.body, for: { reference: "Patient/nobody" } } as Task;
    delete ghost.contained;
    expect((await put("ma", ghost, t2.etag)).status).toBe(400);
    const cancelled = {
      ...t2.body,
      status: "cancelled",
      businessStatus: businessStatusConcept("fulfillment-cancelled"),
      statusReason: {
        coding: [
          {
            system: "https://warm-referral.org/fhir/CodeSystem/wr-referral-status-reason",
            code: "got-help",
          },
        ],
        // SDOHCC wants words with every reason: valid, so the refusal is the access rule's.
        text: "Got help elsewhere",
      },
    } as Task;
    expect((await put("ma", cancelled, t2.etag)).status).toBe(403);
  });

  it("sees no identity or contact once the consent no longer covers the clinic, and a decline erases nothing", async () => {
    const { body } = await send("santos", buildReferralBackBundle(input()));
    const [consentRef, , ref] = locations(body) as [string, string, string];
    expect((await read<Task>("ma", ref)).body.contained).toHaveLength(1);
    // The consent ends (its custodian's server marks it inactive).
    const c = await read<Consent>("provider", consentRef);
    const res = await srv.request("provider", `/${consentRef}`, {
      method: "PUT",
      headers: { "If-Match": c.etag },
      json: { ...c.body, status: "inactive" },
    });
    expect(res.status).toBe(200);
    const hidden = await read<Task>("ma", ref);
    expect(hidden.body.contained).toBeUndefined();
    expect(JSON.stringify(hidden.body)).not.toMatch(/Maria|555-0142/);
    const declined = applyBackStep(hidden.body as never, {
      action: "decline",
      party: "performer",
      reasonCode: "not-eligible",
      reasonText: "Consent ended",
      by,
      now: new Date(),
    }) as Task;
    expect((await put("ma", declined, hidden.etag)).status).toBe(200);
    const stored = await read<Task>("santos", ref);
    expect(stored.body.status).toBe("rejected");
    expect(stored.body.contained).toHaveLength(1);
  });
});
