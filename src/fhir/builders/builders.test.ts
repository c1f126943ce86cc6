// @vitest-environment node
/* eslint-disable @typescript-eslint/no-explicit-any -- free-form FHIR JSON in assertions */
import type { Bundle, Resource } from "fhir/r4";
import { describe, expect, it } from "vitest";
import { validateResource } from "../../../fhir-profiles/validator";
import { CODE_SYSTEM, V3_ACT_CODE } from "../canonical";
import { buildEducationBundle, buildUniversalEducation, type EducationInput } from "./education";
import {
  buildReferralBundle,
  buildWarmReferral,
  safeContactExtension,
  type ReferralInput,
} from "./referral";
import { sampleReferral as referral } from "../../../test/fixtures/referral";

const education: EducationInput = {
  clientId: "11111111-1111-4111-8111-111111111111",
  patientId: "pat-maria",
  encounterId: "enc-maria",
  performer: "PractitionerRole/ma-chen-role",
  performedAt: "2026-11-22T10:00:00.000Z",
  cards: [
    { id: "general", type: "general", language: "es" },
    { id: "reproductive", type: "reproductive-health", language: "es" },
  ],
  labelPolicy: { nopat: true },
};

/** What the server validates: urn:uuid references resolved to Type/id, as in a transaction. */
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

const labels = (r: Resource) => (r.meta?.security ?? []).map((c) => c.code);

describe("universal education", () => {
  it("is a valid, labelled Procedure with one card extension per type and language", () => {
    const p = buildUniversalEducation(education);
    expectValid(p);
    expect(labels(p)).toEqual(["R", "SDV", "NOPAT"]);
    expect(p.extension).toHaveLength(2);
    expect(JSON.stringify(p)).not.toMatch(/violence|abuse|reason|note/i);
  });

  it("merges repeated cards into a count and leaves NOPAT out when the policy says so", () => {
    const p = buildUniversalEducation({
      ...education,
      labelPolicy: { nopat: false },
      encounterId: null,
      cards: [
        { id: "general", type: "general", language: "en" },
        { id: "native", type: "native", language: "en" },
      ],
    });
    expectValid(p);
    expect(labels(p)).toEqual(["R", "SDV"]);
    expect(p.extension).toHaveLength(1);
    expect(p.extension?.[0]?.extension?.[2]?.valuePositiveInt).toBe(2);
    expect(p.encounter).toBeUndefined();
  });

  it("is sent as a one-entry transaction with a conditional create", () => {
    const b = buildEducationBundle(education);
    expect(b.type).toBe("transaction");
    expect(b.entry?.[0]?.request).toEqual({
      method: "POST",
      url: "Procedure",
      ifNoneExist: `identifier=${encodeURIComponent(`${CODE_SYSTEM.identifier}|${education.clientId}`)}`,
    });
  });

  it("refuses to record education without a card", () => {
    expect(() => buildUniversalEducation({ ...education, cards: [] })).toThrow();
  });
});

describe("warm referral bundle", () => {
  const bundle = buildReferralBundle(referral);

  it("holds Consent, ServiceRequest, Task and the education Procedure, each valid and labelled", () => {
    expect(bundle.type).toBe("transaction");
    expect(bundle.entry?.map((e) => e.resource?.resourceType)).toEqual([
      "Consent",
      "ServiceRequest",
      "Task",
      "Procedure",
    ]);
    for (const resource of resolved(bundle)) {
      expectValid(resource);
      expect(labels(resource)).toEqual(["R", "SDV", "NOPAT"]);
      expect(resource.meta?.profile?.[0]).toMatch(/^https:\/\/warm-referral\.org\/fhir\//);
    }
  });

  it("makes every entry a conditional create on its own client identifier", () => {
    for (const entry of bundle.entry ?? []) {
      const id = (entry.resource as { identifier?: { system?: string; value?: string }[] })
        .identifier?.[0];
      expect(id?.system).toBe(CODE_SYSTEM.identifier);
      expect(entry.fullUrl).toBe(`urn:uuid:${id?.value}`);
      expect(entry.request?.method).toBe("POST");
      expect(entry.request?.ifNoneExist).toContain(encodeURIComponent(`|${id?.value}`));
    }
  });

  it("is the same bundle when built again from the same draft (retries reuse identifiers)", () => {
    expect(buildReferralBundle(referral)).toEqual(bundle);
  });

  it("links the records: consent → referral → consent, task → referral, follow-up period", () => {
    const [consent, sr, task] = (bundle.entry ?? []).map((e) => e.resource) as [
      import("fhir/r4").Consent,
      import("fhir/r4").ServiceRequest,
      import("fhir/r4").Task,
    ];
    expect(consent.provision?.data?.[0]?.reference.reference).toBe(bundle.entry?.[1]?.fullUrl);
    expect(sr.supportingInfo?.[0]?.reference).toBe(bundle.entry?.[0]?.fullUrl);
    expect(task.focus?.reference).toBe(bundle.entry?.[1]?.fullUrl);
    expect(task.owner?.reference).toBe("Organization/org-safe-harbor");
    expect(task.restriction?.period?.end).toBe(referral.followUpDue);
    expect(consent.provision?.period).toEqual({
      start: referral.authoredAt,
      end: referral.consentEnd,
    });
    expect(consent.provision?.actor).toHaveLength(1);
  });

  it("puts no DSV words where patients look and writes no Condition or DocumentReference", () => {
    const sr = buildWarmReferral(referral);
    expect(sr.patientInstruction).toBeUndefined();
    expect(sr.reasonCode).toBeUndefined();
    const types = bundle.entry?.map((e) => e.resource?.resourceType) ?? [];
    expect(types).not.toContain("Condition");
    expect(types).not.toContain("DocumentReference");
    const task = bundle.entry?.[2]?.resource as import("fhir/r4").Task;
    expect(task.description).toBeUndefined();
    expect(task.note).toBeUndefined();
  });

  it("without education, NOPAT, encounter or service: still valid", () => {
    const b = buildReferralBundle({
      ...referral,
      education: undefined,
      encounterId: null,
      partnerServiceId: undefined,
      labelPolicy: { nopat: false },
      handoff: "hotline",
      priority: "asap",
    });
    expect(b.entry).toHaveLength(3);
    for (const resource of resolved(b)) {
      expectValid(resource);
      expect(labels(resource)).toEqual(["R", "SDV"]);
      expect(
        resource.meta?.security?.some((c) => c.system === V3_ACT_CODE && c.code === "NOPAT"),
      ).toBe(false);
    }
  });

  it("no contact at all: no phone, times or voicemail, and still valid", () => {
    const noContact = { noContact: true, safePhone: "555", safeTimes: "x", voicemailOk: true };
    const ext = safeContactExtension(noContact);
    expect(ext.extension?.map((e) => e.url)).toEqual(["noContact"]);
    const b = buildReferralBundle({ ...referral, safeContact: noContact, education: undefined });
    for (const resource of resolved(b)) expectValid(resource);
    // SDOHCC's standard flag, so a standard partner system sees the restriction too.
    const sr = b.entry?.find((e) => e.resource?.resourceType === "ServiceRequest")?.resource as {
      orderDetail?: { coding?: { system?: string; code?: string }[] }[];
    };
    expect(sr.orderDetail?.flatMap((d) => d.coding ?? [])).toContainEqual({
      system: "http://hl7.org/fhir/us/sdoh-clinicalcare/CodeSystem/SDOHCC-CodeSystemTemporaryCodes",
      code: "contacting-subject-prohibited",
    });
    const withContact = buildReferralBundle({ ...referral, education: undefined });
    expect(JSON.stringify(withContact)).not.toContain("contacting-subject-prohibited");
  });

  it("SDOHCC: SNOMED code next to ours, Task requester a PractitionerRole or the clinic, Consent source", () => {
    const b = buildReferralBundle({
      ...referral,
      requester: "Practitioner/prov-x",
      education: undefined,
    });
    const byType = (t: string) =>
      b.entry?.find((e) => e.resource?.resourceType === t)?.resource as Record<string, any>;
    expect(byType("ServiceRequest").code.coding).toContainEqual({
      system: "http://snomed.info/sct",
      code: "306206005",
    });
    expect(byType("ServiceRequest").requester.reference).toBe("Practitioner/prov-x");
    expect(byType("Task").requester.reference).toMatch(/^Organization\//);
    expect(byType("Consent").sourceAttachment.title).toBeTruthy();
    const withRole = buildReferralBundle({
      ...referral,
      requester: "PractitionerRole/role-x",
      education: undefined,
    });
    const task = withRole.entry?.find((e) => e.resource?.resourceType === "Task")?.resource as any;
    expect(task.requester.reference).toBe("PractitionerRole/role-x");
    for (const resource of resolved(withRole)) expectValid(resource);
  });

  it("drops the cover story when the agency may be named", () => {
    const ext = safeContactExtension({
      noContact: false,
      mayNameAgency: true,
      coverStory: "x",
      safePhone: " ",
    });
    expect(ext.extension?.map((e) => e.url)).toEqual(["mayNameAgency"]);
  });

  it("stores the safe phone, times and cover story without bidi controls, so they read as typed", () => {
    const ext = safeContactExtension({
      noContact: false,
      mayNameAgency: false,
      safePhone: "\u202E503-555-0142",
      safeTimes: "after 6pm\u2066",
      coverStory: "\u200Fpharmacy reminder",
    });
    expect(ext.extension).toEqual([
      { url: "safePhone", valueContactPoint: { system: "phone", value: "503-555-0142" } },
      { url: "safeTimes", valueString: "after 6pm" },
      { url: "mayNameAgency", valueBoolean: false },
      { url: "coverStory", valueString: "pharmacy reminder" },
    ]);
  });
});

/** Every string in a resource except codes, systems, URLs, references and ids. */
function freeText(value: unknown, key = ""): string[] {
  if (typeof value === "string")
    return [
      "code",
      "system",
      "url",
      "reference",
      "id",
      "profile",
      "fullUrl",
      "value",
      "valueCode",
      "resourceType",
    ].includes(key)
      ? []
      : [value];
  if (Array.isArray(value)) return value.flatMap((v) => freeText(v, key));
  if (value && typeof value === "object")
    return Object.entries(value as Record<string, unknown>).flatMap(([k, v]) => freeText(v, k));
  return [];
}

describe("label-blind portals (DESIGN.md invariant 8)", () => {
  const bundle = buildReferralBundle(referral);
  const [, sr, task, procedure] = resolved(bundle);

  it("the ServiceRequest and the Procedure carry codes without displays and no free text", () => {
    for (const r of [sr, procedure]) {
      const json = JSON.stringify(r);
      expect(json, r?.resourceType).not.toContain('"display"');
      expect(json, r?.resourceType).not.toContain('"text"');
      // Only dates and the status-like codes remain as strings outside codes and references.
      const text = freeText(r).filter((s) => !/^\d{4}-\d\d-\d\dT/.test(s));
      expect(text, r?.resourceType).toEqual(
        r?.resourceType === "ServiceRequest" ? ["active", "order", "urgent"] : ["completed"],
      );
    }
    expect(codeOf(sr, "code")).toBe("community-referral");
  });

  it("no safe phone, safe times or cover story on the ServiceRequest: they are on the Task", () => {
    const srJson = JSON.stringify(sr);
    for (const secret of ["503-555-0199", "Weekdays 9-11", "about your appointment"])
      expect(srJson).not.toContain(secret);
    expect(srJson).not.toContain("wr-safe-contact-preferences");
    const taskJson = JSON.stringify(task);
    for (const secret of ["503-555-0199", "Weekdays 9-11", "about your appointment"])
      expect(taskJson).toContain(secret);
    expectValid(task as Resource);
    expectValid(sr as Resource);
  });

  it("a hotline-only handoff without a partner: ServiceRequest + clinic-owned Task, no Consent, nothing shared", () => {
    const { partnerOrganizationId: _p, partnerServiceId: _s, ...rest } = referral;
    const noPartner: ReferralInput = { ...rest, handoff: "hotline", services: ["hotline-24h"] };
    const b = buildReferralBundle(noPartner);
    const types = (b.entry ?? []).map((e) => e.resource?.resourceType);
    expect(types).toEqual(["ServiceRequest", "Task", "Procedure"]);
    const [request, followUp] = resolved(b) as unknown as [
      Record<string, unknown>,
      Record<string, unknown>,
    ];
    expect(request.performer).toBeUndefined();
    expect(request.supportingInfo).toBeUndefined();
    expect(followUp.owner).toEqual({ reference: "Organization/clinic" });
    expect(followUp.extension).toBeUndefined();
    for (const r of resolved(b)) expectValid(r);
    expect(() => buildWarmReferral({ ...noPartner, handoff: "call-together" })).toThrow(
      /needs a partner/,
    );
  });
});

function codeOf(r: Resource | undefined, field: string): string | undefined {
  const c = (r as unknown as Record<string, { coding?: { code?: string }[] }>)[field];
  return c?.coding?.[0]?.code;
}

describe("visit setting (counts by setting)", () => {
  it("the ServiceRequest and the education Procedure record the setting as a code, valid", () => {
    const bundle = buildReferralBundle({ ...referral, setting: "school-based" });
    const [, sr, , procedure] = resolved(bundle);
    for (const r of [sr, procedure]) {
      const ext = (r as { extension?: { url: string; valueCoding?: unknown }[] }).extension?.find(
        (e) => e.url === "https://warm-referral.org/fhir/StructureDefinition/wr-visit-setting",
      );
      expect(ext?.valueCoding, r?.resourceType).toEqual({
        system: "https://warm-referral.org/fhir/CodeSystem/wr-visit-setting",
        code: "school-based",
      });
      expectValid(r as Resource);
    }
    const alone = buildUniversalEducation({ ...education, setting: "mobile-unit" });
    expect(JSON.stringify(alone.extension)).toContain('"code":"mobile-unit"');
    expectValid(alone);
    expect(JSON.stringify(buildUniversalEducation(education).extension)).not.toContain(
      "wr-visit-setting",
    );
  });

  it("an unknown setting is refused by the profile", () => {
    const sr = buildWarmReferral({ ...referral, setting: "mobile-unit" });
    const broken = JSON.parse(JSON.stringify(sr).replace('"mobile-unit"', '"car-park"'));
    broken.supportingInfo = [{ reference: "Consent/x" }];
    expect(
      validateResource(broken)
        .issues.map((i) => JSON.stringify(i))
        .join("\n"),
    ).toMatch(/car-park/);
  });
});
