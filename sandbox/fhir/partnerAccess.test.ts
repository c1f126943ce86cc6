// @vitest-environment node
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import type { Bundle, Consent, OperationOutcome, Patient, Task } from "fhir/r4";
import { buildReferralBundle, type ReferralInput } from "../../src/fhir/builders/referral";
import { CODE_SYSTEM } from "../../src/fhir/canonical";
import { startTestFhirServer } from "./testing";
import type { TestFhirServer, TokenTable } from "./testing";

// Invariant 10 on the sandbox: partner users see only their own program's referrals, only
// while the consent holds, and make only the performer's transitions; clinic staff make only
// the requester's. Each rule through the HTTP API, as the app and any other client would.

const ADVOCATE_SCOPES = [
  "openid",
  "fhirUser",
  "user/ServiceRequest.crus",
  "user/Task.crus",
  "user/Organization.rs",
  "user/HealthcareService.rs",
  "user/Consent.rs",
  "user/Patient.rs",
  "user/Practitioner.rs",
  "user/PractitionerRole.rs",
  "user/Procedure.rs",
  "user/Encounter.rs",
];
const TOKENS: TokenTable = {
  provider: {
    scopes: ["openid", "fhirUser", "patient/*.cruds", "user/*.cruds"],
    patient: "pat-maria",
    fhirUser: "Practitioner/prov-rivera",
  },
  santos: { scopes: ADVOCATE_SCOPES, fhirUser: "Practitioner/adv-santos" },
  "santos-role": { scopes: ADVOCATE_SCOPES, fhirUser: "PractitionerRole/adv-santos-role" },
  nguyen: { scopes: ADVOCATE_SCOPES, fhirUser: "Practitioner/adv-nguyen" },
};

let srv: TestFhirServer;
beforeAll(async () => {
  srv = await startTestFhirServer(TOKENS);
}, 30_000);
afterAll(() => srv.close());
beforeEach(() => srv.handle.reset());

const json = async <T>(r: Response) => (await r.json()) as T;
const diagnostics = (oo: OperationOutcome) => oo.issue.map((i) => i.diagnostics ?? "").join(" | ");

let counter = 0;
function referral(
  overrides: Partial<ReferralInput> = {},
  now = new Date(),
): { bundle: Bundle; ids: ReferralInput["ids"] } {
  counter++;
  const ids = {
    consent: `00000000-0000-4000-8000-${String(counter).padStart(8, "0")}0001`,
    serviceRequest: `00000000-0000-4000-8000-${String(counter).padStart(8, "0")}0002`,
    task: `00000000-0000-4000-8000-${String(counter).padStart(8, "0")}0003`,
  };
  const day = 24 * 3600 * 1000;
  const input: ReferralInput = {
    ids,
    patientId: "pat-maria",
    encounterId: null,
    requester: "Practitioner/prov-rivera",
    clinicOrganization: "clinic",
    partnerOrganizationId: "org-safe-harbor",
    services: ["legal-advocacy"],
    priority: "urgent",
    handoff: "call-together",
    safeContact: { noContact: false, safePhone: "503-555-0199", voicemailOk: false },
    authoredAt: new Date(now.getTime() - day).toISOString(),
    consentEnd: new Date(now.getTime() + 30 * day).toISOString(),
    followUpDue: new Date(now.getTime() + 7 * day).toISOString(),
    labelPolicy: { nopat: true },
    ...overrides,
  };
  return { bundle: buildReferralBundle(input), ids };
}

/** Sends a referral as the provider; the server ids of Consent, ServiceRequest and Task. */
async function send(overrides: Partial<ReferralInput> = {}) {
  const { bundle } = referral(overrides);
  const res = await srv.request("provider", "/", { method: "POST", json: bundle });
  expect(res.status).toBe(200);
  const body = await json<Bundle>(res);
  const [consent, sr, task] = (body.entry ?? []).map((e) =>
    (e.response?.location ?? "").split("/").slice(0, 2).join("/"),
  );
  return { consent: consent ?? "", sr: sr ?? "", task: task ?? "" };
}

async function read<T>(
  token: string,
  ref: string,
): Promise<{ status: number; body: T; etag: string }> {
  const res = await srv.request(token, `/${ref}`);
  return { status: res.status, body: await json<T>(res), etag: res.headers.get("ETag") ?? "" };
}

/** Reads the Task as `token`, applies `change` and PUTs it back with If-Match. */
async function updateTask(token: string, ref: string, change: (t: Task) => Task, reader = token) {
  const current = await read<Task>(reader, ref);
  expect(current.status).toBe(200);
  return srv.request(token, `/${ref}`, {
    method: "PUT",
    headers: { "If-Match": current.etag },
    json: change(current.body),
  });
}

const outcome = (code: string) => ({
  coding: [{ system: CODE_SYSTEM.referralOutcome, code }],
});
const reason = (code: string, text?: string) => ({
  coding: [{ system: CODE_SYSTEM.statusReason, code }],
  ...(text ? { text } : {}),
});

async function withdraw(consentRef: string) {
  const c = await read<Consent>("provider", consentRef);
  const res = await srv.request("provider", `/${consentRef}`, {
    method: "PUT",
    headers: { "If-Match": c.etag },
    json: { ...c.body, status: "inactive" },
  });
  expect(res.status).toBe(200);
}

describe("what a partner user may read", () => {
  it("only the Tasks their program owns; another program's advocate sees none of them", async () => {
    const mine = await send();
    await send({ partnerOrganizationId: "org-eastside-legal" });
    const santos = await json<Bundle>(await srv.request("santos", "/Task"));
    expect(santos.entry?.map((e) => `Task/${e.resource?.id ?? ""}`)).toEqual([mine.task]);
    const viaRole = await json<Bundle>(await srv.request("santos-role", "/Task"));
    expect(viaRole.total).toBe(1);
    const nguyen = await json<Bundle>(await srv.request("nguyen", "/Task?_summary=count"));
    expect(nguyen.total).toBe(0);
    for (const ref of [mine.task, mine.sr, mine.consent, "Patient/pat-maria"]) {
      const r = await read<OperationOutcome>("nguyen", ref);
      expect(r.status, ref).toBe(404);
      expect(r.body.resourceType).toBe("OperationOutcome");
    }
  });

  it("the ServiceRequest and Consent their Task points to, and a minimal Patient", async () => {
    const mine = await send();
    expect((await read("santos", mine.sr)).status).toBe(200);
    expect((await read<Consent>("santos", mine.consent)).body.status).toBe("active");
    const patient = (await read<Patient>("santos", "Patient/pat-maria")).body;
    expect(patient.name).toEqual([{ given: ["María"] }]);
    expect(patient.birthDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(patient.communication).toHaveLength(1);
    expect(patient.communication?.[0]?.preferred).toBe(true);
    expect(Object.keys(patient).sort()).toEqual(
      ["birthDate", "communication", "id", "meta", "name", "resourceType"].sort(),
    );
    const text = JSON.stringify(patient);
    expect(text).not.toMatch(/Hernández|503-555|Riverside|address|telecom/);
    // The same minimal view through a search and an _include.
    const searched = await json<Bundle>(await srv.request("santos", "/Task?_include=Task:patient"));
    const included = searched.entry?.find((e) => e.resource?.resourceType === "Patient")
      ?.resource as Patient;
    expect(included.name).toEqual([{ given: ["María"] }]);
    expect(included.telecom).toBeUndefined();
    const patients = await json<Bundle>(await srv.request("santos", "/Patient"));
    expect(patients.entry?.map((e) => e.resource?.id)).toEqual(["pat-maria"]);
    expect((await read("santos", "Patient/pat-james")).status).toBe(404);
  });

  it("nothing else: other clinical types are 403, other staff are 404", async () => {
    await send();
    for (const path of ["/Procedure", "/Encounter", "/Observation", "/Procedure/x"]) {
      const r = await srv.request("santos", path);
      expect(r.status, path).toBe(403);
      expect((await json<OperationOutcome>(r)).resourceType).toBe("OperationOutcome");
    }
    expect((await read("santos", "Practitioner/adv-santos")).status).toBe(200);
    expect((await read("santos", "PractitionerRole/adv-santos-role")).status).toBe(200);
    expect((await read("santos", "Practitioner/prov-rivera")).status).toBe(404);
    expect((await read("santos", "Organization/org-safe-harbor")).status).toBe(200);
  });

  it("a withdrawn consent hides the referral and the patient; the Task and the Consent's status stay", async () => {
    const mine = await send();
    // The safe-contact detail lives on the Task: the program sees it only while the consent holds.
    expect(JSON.stringify((await read<Task>("santos", mine.task)).body)).toContain("503-555-0199");
    await withdraw(mine.consent);
    const task = (await read<Task>("santos", mine.task)).body;
    expect(JSON.stringify(task)).not.toContain("503-555-0199");
    expect(JSON.stringify(task)).not.toContain("wr-safe-contact-preferences");
    expect((await read("santos", mine.sr)).status).toBe(404);
    expect((await read("santos", "Patient/pat-maria")).status).toBe(404);
    expect((await read("santos", mine.task)).status).toBe(200);
    expect((await read<Consent>("santos", mine.consent)).body.status).toBe("inactive");
    const srs = await json<Bundle>(await srv.request("santos", "/ServiceRequest?_summary=count"));
    expect(srs.total).toBe(0);
  });

  it("an expired or not-yet-started consent, or one naming another program, hides it too", async () => {
    const now = Date.now();
    const day = 24 * 3600 * 1000;
    const expired = await send({
      authoredAt: new Date(now - 40 * day).toISOString(),
      consentEnd: new Date(now - day).toISOString(),
    });
    expect((await read("santos", expired.sr)).status).toBe(404);
    const future = await send({ authoredAt: new Date(now + day).toISOString() });
    expect((await read("santos", future.sr)).status).toBe(404);
    // A Task owned by Safe Harbor whose consent names Eastside: not covered.
    const other = await send({ partnerOrganizationId: "org-eastside-legal" });
    const moved = await updateTask("provider", other.task, (t) => ({
      ...t,
      owner: { reference: "Organization/org-safe-harbor" },
    }));
    expect(moved.status).toBe(200);
    expect((await read("santos", other.task)).status).toBe(200);
    expect((await read("santos", other.sr)).status).toBe(404);
    expect((await read("santos", other.consent)).status).toBe(404);
  });
});

describe("what a partner user may write", () => {
  it("the performer's transitions on their own Task, with If-Match", async () => {
    const mine = await send();
    const accepted = await updateTask("santos", mine.task, (t) => ({
      ...t,
      status: "accepted",
      businessStatus: outcome("accepted"),
    }));
    expect(accepted.status).toBe(200);
    const contact = await updateTask("santos", mine.task, (t) => ({
      ...t,
      status: "in-progress",
      businessStatus: outcome("first-contact"),
    }));
    expect(contact.status).toBe(200);
    const done = await updateTask("santos", mine.task, (t) => ({
      ...t,
      status: "completed",
      businessStatus: outcome("fulfillment-completed"),
      output: [{ type: { text: "Service provided" }, valueString: "Safety plan made" }],
    }));
    expect(done.status).toBe(200);
    expect((await json<Task>(done)).output?.[0]?.valueString).toBe("Safety plan made");
    // A finished Task cannot change.
    const again = await updateTask("santos", mine.task, (t) => ({
      ...t,
      status: "in-progress",
      businessStatus: outcome("first-contact"),
    }));
    expect(again.status).toBe(403);
  });

  it("refuses transitions the lifecycle does not allow, missing reasons, and the requester's elements", async () => {
    const mine = await send();
    const skip = await updateTask("santos", mine.task, (t) => ({
      ...t,
      status: "in-progress",
      businessStatus: outcome("first-contact"),
    }));
    expect(skip.status).toBe(403);
    const noReason = await updateTask("santos", mine.task, (t) => ({
      ...t,
      status: "rejected",
      businessStatus: outcome("declined"),
      statusReason: reason("no-capacity"),
    }));
    expect(noReason.status).toBe(403);
    expect(diagnostics(await json<OperationOutcome>(noReason))).toMatch(/in words/);
    const cancel = await updateTask("santos", mine.task, (t) => ({
      ...t,
      status: "cancelled",
      businessStatus: outcome("fulfillment-cancelled"),
      statusReason: reason("got-help"),
    }));
    expect(cancel.status).toBe(403);
    expect(diagnostics(await json<OperationOutcome>(cancel))).toMatch(/requester/);
    const owner = await updateTask("santos", mine.task, (t) => ({
      ...t,
      owner: { reference: "Organization/org-bridges-sa" },
    }));
    expect(owner.status).toBe(403);
    expect(diagnostics(await json<OperationOutcome>(owner))).toContain("owner");
    const declined = await updateTask("santos", mine.task, (t) => ({
      ...t,
      status: "rejected",
      businessStatus: outcome("declined"),
      statusReason: reason("no-capacity", "Our shelter is full this week"),
    }));
    expect(declined.status).toBe(200);
  });

  it("refuses creates, deletes, other types, other programs' Tasks and a Task whose consent ended", async () => {
    const mine = await send();
    const create = await srv.request("santos", "/Task", {
      method: "POST",
      json: { resourceType: "Task", status: "requested", intent: "order" },
    });
    expect(create.status).toBe(403);
    expect((await srv.request("santos", `/${mine.task}`, { method: "DELETE" })).status).toBe(403);
    const sr = await read<Record<string, unknown>>("santos", mine.sr);
    const srPut = await srv.request("santos", `/${mine.sr}`, {
      method: "PUT",
      json: { ...sr.body, status: "completed" },
    });
    expect(srPut.status).toBe(403);
    const theirs = await updateTask(
      "nguyen",
      mine.task,
      (t) => ({ ...t, status: "accepted", businessStatus: outcome("accepted") }),
      "provider",
    );
    expect(theirs.status).toBe(404);
    await withdraw(mine.consent);
    const late = await updateTask("santos", mine.task, (t) => ({
      ...t,
      status: "accepted",
      businessStatus: outcome("accepted"),
    }));
    expect(late.status).toBe(403);
    expect(diagnostics(await json<OperationOutcome>(late))).toMatch(/consent/);
  });
});

describe("what clinic staff may write on a referral Task", () => {
  it("not the performer's states; cancelling with a reason, yes", async () => {
    const mine = await send();
    const accept = await updateTask("provider", mine.task, (t) => ({
      ...t,
      status: "accepted",
      businessStatus: outcome("accepted"),
    }));
    expect(accept.status).toBe(403);
    expect(diagnostics(await json<OperationOutcome>(accept))).toMatch(/performer/);
    const created = await srv.request("provider", "/Task", {
      method: "POST",
      json: {
        ...(await read<Task>("provider", mine.task)).body,
        id: undefined,
        status: "completed",
      },
    });
    expect(created.status).toBe(403);
    const cancel = await updateTask("provider", mine.task, (t) => ({
      ...t,
      status: "cancelled",
      businessStatus: outcome("fulfillment-cancelled"),
      statusReason: reason("consent-withdrawn"),
    }));
    expect(cancel.status).toBe(200);
  });
});
