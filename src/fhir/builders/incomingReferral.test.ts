// @vitest-environment node
import { readBusinessStatus } from "../businessStatus";
import type { Bundle, Resource, Task } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { validateResource } from "../../../fhir-profiles/validator";
import { emptyReferralBackDraft } from "../../domain/incomingReferral";
import { PROFILE } from "../canonical";
import {
  applyBackStep,
  applyMatch,
  applyRegistrationNeeded,
  buildReferralBackBundle,
  type ReferralBackInput,
} from "./incomingReferral";
import { TaskStepRefused } from "./taskUpdate";

const input = (over: Partial<ReferralBackInput["draft"]> = {}): ReferralBackInput => ({
  ids: {
    consent: "aaaaaaaa-0000-4000-8000-000000000001",
    serviceRequest: "aaaaaaaa-0000-4000-8000-000000000002",
    task: "aaaaaaaa-0000-4000-8000-000000000003",
    client: "aaaaaaaa-0000-4000-8000-000000000004",
  },
  draft: {
    ...emptyReferralBackDraft(),
    reason: "next-day-appointment",
    urgency: "urgent",
    givenName: "Ana",
    familyName: "Example",
    birthDate: "1990-04-02",
    language: "es",
    safeContact: { noContact: false, safePhone: "555-0142", voicemailOk: false },
    consent: true,
    ...over,
  },
  partnerOrganization: "Organization/org-safe-harbor",
  clinicOrganization: "Organization/clinic",
  authoredAt: "2026-12-02T10:00:00.000Z",
  labelPolicy: { nopat: true },
});

/** As the server stores them: urn:uuid references resolved to Type/id. */
function resolved(bundle: Bundle): Resource[] {
  const map = new Map<string, string>();
  for (const e of bundle.entry ?? [])
    map.set(e.fullUrl ?? "", `${e.resource?.resourceType}/${e.fullUrl?.slice(-12)}`);
  return (bundle.entry ?? []).map((e) =>
    JSON.parse(
      JSON.stringify(e.resource).replace(/urn:uuid:[0-9a-f-]{36}/g, (u) => map.get(u) ?? u),
    ),
  );
}

function expectValid(resource: Resource) {
  const result = validateResource(resource as never);
  expect(result.issues, JSON.stringify(result.issues)).toEqual([]);
}

const by = { reference: "Practitioner/ma-lopez", display: "Casey Lopez" };
const now = new Date("2026-12-02T11:00:00.000Z");

describe("a referral back (partner → clinic)", () => {
  const bundle = buildReferralBackBundle(input());
  const [consent, sr, task] = resolved(bundle) as [Resource, Resource, Task];

  it("is one transaction of conditional creates on our identifiers", () => {
    expect(bundle.type).toBe("transaction");
    expect(bundle.entry?.map((e) => [e.request?.method, e.request?.url])).toEqual([
      ["POST", "Consent"],
      ["POST", "ServiceRequest"],
      ["POST", "Task"],
    ]);
    for (const e of bundle.entry ?? [])
      expect(e.request?.ifNoneExist).toMatch(/^identifier=.*wr-client-id%7Caaaaaaaa-/);
  });

  it("every resource is valid against its profile and labelled", () => {
    for (const r of [consent, sr, task]) {
      expectValid(r);
      expect(r.meta?.security?.map((c) => c.code)).toEqual(["R", "SDV", "NOPAT"]);
    }
    expect(sr.meta?.profile).toEqual([PROFILE.partnerReferral]);
  });

  it("the partner requests, the clinic owns; the consent names the clinic only", () => {
    expect(task.requester?.reference).toBe("Organization/org-safe-harbor");
    expect(task.owner?.reference).toBe("Organization/clinic");
    expect(JSON.stringify(consent)).toContain('"reference":"Organization/clinic"');
  });

  it("the identity is on the Task only (contained), never on the ServiceRequest or Consent", () => {
    expect(task.for?.reference).toBe("#client");
    expect(task.contained).toEqual([
      expect.objectContaining({ resourceType: "Patient", birthDate: "1990-04-02" }),
    ]);
    for (const r of [sr, consent]) {
      expect(JSON.stringify(r)).not.toMatch(/Ana|Example|1990|555-0142/);
    }
    expect(JSON.stringify(sr)).not.toMatch(/"display"|"text"|"note"/);
  });

  it("'other' in words goes on the Task, not the ServiceRequest", () => {
    const b = buildReferralBackBundle(input({ reason: "other", reasonText: "dental pain" }));
    const [, sr2, task2] = resolved(b) as [Resource, Resource, Task];
    expectValid(task2);
    expect(task2.input?.[0]?.valueString).toBe("dental pain");
    expect(JSON.stringify(sr2)).not.toContain("dental");
  });

  it("without NOPAT by policy the labels are R + SDV", () => {
    const b = buildReferralBackBundle({ ...input(), labelPolicy: { nopat: false } });
    for (const r of resolved(b)) expect(r.meta?.security?.map((c) => c.code)).toEqual(["R", "SDV"]);
  });
});

describe("the clinic's steps", () => {
  const [, , task] = resolved(buildReferralBackBundle(input())) as [Resource, Resource, Task];
  const stored = { ...task, id: "t1" } as Task & Record<string, unknown>;

  it("accept → match → book → complete, each valid", () => {
    const accepted = applyBackStep(stored, { action: "accept", party: "performer", by, now });
    expect(accepted.status).toBe("accepted");
    expectValid(accepted);
    const matched = applyMatch(accepted, "pat-ana", by, now);
    expect(matched.for?.reference).toBe("Patient/pat-ana");
    expect(matched.contained).toBeUndefined();
    expectValid(matched);
    const booked = applyBackStep(matched, {
      action: "book-appointment",
      party: "performer",
      by,
      now,
    });
    expect(readBusinessStatus(booked.businessStatus)).toBe("scheduled");
    expectValid(booked);
    const done = applyBackStep(booked, { action: "complete-seen", party: "performer", by, now });
    expect([done.status, readBusinessStatus(done.businessStatus)]).toEqual([
      "completed",
      "fulfillment-completed",
    ]);
    expectValid(done);
    expect(done.note?.map((n) => n.text)).toEqual([
      "accept",
      "matched-patient",
      "book-appointment",
      "complete-seen",
    ]);
  });

  it("a decline carries its reason; a step out of order is refused before sending", () => {
    const declined = applyBackStep(stored, {
      action: "decline",
      party: "performer",
      reasonCode: "no-capacity",
      reasonText: "No appointments this week",
      by,
      now,
    });
    expectValid(declined);
    expect(() =>
      applyBackStep(stored, { action: "complete-seen", party: "performer", by, now }),
    ).toThrow(TaskStepRefused);
    expect(() => applyMatch(stored, "pat-ana", by, now)).toThrow(TaskStepRefused);
    expect(() => applyBackStep(stored, { action: "accept", party: "requester", by, now })).toThrow(
      TaskStepRefused,
    );
  });

  it("registration needed is a note; the client stays contained", () => {
    const accepted = applyBackStep(stored, { action: "accept", party: "performer", by, now });
    const noted = applyRegistrationNeeded(accepted, by, now);
    expect(noted.contained).toHaveLength(1);
    expect(noted.note?.at(-1)?.text).toBe("registration-needed");
    expectValid(noted);
  });
});
