// Regenerates fhir-profiles/examples-invalid/ from the compiled valid examples: each file breaks
// one rule, and expected-errors.json names the message the validator must report for it.
//   tsx fhir-profiles/scripts/make-invalid-examples.ts   (after npm run profiles)
/* eslint-disable @typescript-eslint/no-explicit-any -- free-form FHIR JSON fixtures */
import fs from "node:fs";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { formatJson } from "./build";
const here = path.dirname(fileURLToPath(import.meta.url));
const P = path.join(here, "..", "package") + "/";
const OUT = path.join(here, "..", "examples-invalid") + "/";
const load = (n: string) => JSON.parse(fs.readFileSync(P + n, "utf8"));
const SR = "ServiceRequest-wr-example-warm-referral.json";
const HOTLINE = "ServiceRequest-wr-example-hotline-handoff.json";
const CON = "Consent-wr-example-consent.json";
const TASK = "Task-wr-example-referral-task.json";
const UE = "Procedure-wr-example-universal-education.json";
const AFF = "OrganizationAffiliation-wr-example-partner-affiliation.json";
const SVC = "HealthcareService-wr-example-partner-service.json";
const ISR = "ServiceRequest-wr-example-incoming-referral.json";
const ITASK = "Task-wr-example-incoming-referral-task.json";
const ORG = "Organization-wr-example-partner-org.json";
const BSR = "ServiceRequest-wr-example-partner-referral.json";
const BTASK = "Task-wr-example-partner-referral-task.json";
const BCON = "Consent-wr-example-partner-referral-consent.json";
const cases: [string, string, string, (r: any) => void][] = [
  [
    "warm-referral--missing-labels",
    SR,
    "Constraint wr-sec-1 not met",
    (r) => {
      delete r.meta.security;
    },
  ],
  [
    "warm-referral--missing-sdv-label",
    SR,
    "Constraint wr-sec-1 not met",
    (r) => {
      r.meta.security = r.meta.security.filter((c: any) => c.code !== "SDV");
    },
  ],
  [
    "warm-referral--wrong-intent",
    SR,
    "Value did not match expected pattern",
    (r) => {
      r.intent = "plan";
    },
  ],
  [
    "warm-referral--missing-ipv-category",
    SR,
    "slice 'ipv'",
    (r) => {
      r.category = [{ text: "Referral" }];
    },
  ],
  [
    "warm-referral--unknown-service-code",
    SR,
    'Unknown code "spa-day"',
    (r) => {
      r.orderDetail[0].coding[0].code = "spa-day";
    },
  ],
  [
    "warm-referral--patient-instruction",
    SR,
    "ServiceRequest.patientInstruction",
    (r) => {
      r.patientInstruction = "Call the DV program";
    },
  ],
  [
    "warm-referral--unknown-extension",
    SR,
    "Unknown Warm Referral extension",
    (r) => {
      r.extension.push({
        url: "https://warm-referral.org/fhir/StructureDefinition/wr-bogus",
        valueString: "x",
      });
    },
  ],
  [
    "task--no-contact-with-phone",
    TASK,
    "Constraint wr-safe-1 not met",
    (r) => {
      r.extension[0].extension.push({ url: "noContact", valueBoolean: true });
    },
  ],
  [
    "warm-referral--category-display",
    SR,
    "ServiceRequest.category:ipv.coding.display",
    (r) => {
      r.category[0].coding[0].display = "Intimate Partner Violence";
    },
  ],
  [
    "warm-referral--code-text",
    SR,
    "ServiceRequest.code.text",
    (r) => {
      r.code.text = "Referral to a domestic violence program";
    },
  ],
  [
    "warm-referral--safe-contact-on-service-request",
    SR,
    "is not allowed here (context: Task)",
    (r) => {
      r.extension.push(load(TASK).extension[0]);
    },
  ],
  [
    "warm-referral--partner-without-consent",
    SR,
    "Constraint wr-sr-1 not met",
    (r) => {
      delete r.supportingInfo;
    },
  ],
  [
    "warm-referral--no-partner-call-together",
    HOTLINE,
    "Constraint wr-sr-2 not met",
    (r) => {
      r.extension[0].valueCoding.code = "call-together";
    },
  ],
  [
    "warm-referral--unknown-handoff",
    SR,
    'Unknown code "carrier-pigeon"',
    (r) => {
      r.extension[0].valueCoding.code = "carrier-pigeon";
    },
  ],
  [
    "warm-referral--missing-handoff",
    SR,
    "ServiceRequest.extension: Missing required property",
    (r) => {
      r.extension.splice(0, 1);
    },
  ],
  [
    "warm-referral--no-profile",
    SR,
    "meta.profile must name a Warm Referral profile",
    (r) => {
      delete r.meta.profile;
    },
  ],
  [
    "warm-referral--missing-identifier",
    SR,
    "ServiceRequest.identifier: Missing required property",
    (r) => {
      delete r.identifier;
    },
  ],
  [
    "consent--missing-end-date",
    CON,
    "Constraint wr-consent-1 not met",
    (r) => {
      delete r.provision.period.end;
    },
  ],
  [
    "consent--end-before-start",
    CON,
    "Constraint wr-consent-2 not met",
    (r) => {
      r.provision.period.end = "2025-01-01T00:00:00-06:00";
    },
  ],
  [
    "consent--deny-provision",
    CON,
    "Consent.provision.type: Value did not match expected pattern",
    (r) => {
      r.provision.type = "deny";
    },
  ],
  [
    "consent--missing-idscl",
    CON,
    "slice 'idscl'",
    (r) => {
      r.category = [{ coding: [{ system: "http://loinc.org", code: "59284-0" }] }];
    },
  ],
  [
    "consent--two-recipients",
    CON,
    "Consent.provision.actor: Invalid number of values: expected 1..1, but found 2",
    (r) => {
      r.provision.actor.push({
        role: r.provision.actor[0].role,
        reference: { reference: "Organization/other-program" },
      });
    },
  ],
  [
    "consent--wrong-actor-role",
    CON,
    "Consent.provision.actor[0].role: Value did not match expected pattern",
    (r) => {
      r.provision.actor[0].role.coding[0].code = "AUT";
    },
  ],
  [
    "warm-referral--client-id-without-value",
    SR,
    "ServiceRequest.identifier[0].value: Invalid number of values: expected 1..1, but found 0",
    (r) => {
      delete r.identifier[0].value;
    },
  ],
  [
    "task--safe-phone-email",
    TASK,
    "Value did not match expected pattern",
    (r) => {
      r.extension[0].extension[0].valueContactPoint.system = "email";
    },
  ],
  [
    "task--missing-focus",
    TASK,
    "Task.focus: Missing required property",
    (r) => {
      delete r.focus;
    },
  ],
  [
    "task--rejected-without-reason",
    TASK,
    "Constraint wr-task-2 not met",
    (r) => {
      r.status = "rejected";
    },
  ],
  [
    "task--status-ready",
    TASK,
    "Constraint wr-task-1 not met",
    (r) => {
      r.status = "ready";
    },
  ],
  [
    "task--unknown-business-status",
    TASK,
    'Unknown code "lost"',
    (r) => {
      r.businessStatus.coding[0].code = "lost";
    },
  ],
  [
    "task--wrong-code",
    TASK,
    "Task.code",
    (r) => {
      r.code.coding[0].code = "approve";
    },
  ],
  [
    "universal-education--period",
    UE,
    "Type Period is not allowed",
    (r) => {
      delete r.performedDateTime;
      r.performedPeriod = { start: "2025-03-04T10:05:00-06:00" };
    },
  ],
  [
    "universal-education--reason-code",
    UE,
    "Procedure.reasonCode",
    (r) => {
      r.reasonCode = [{ text: "disclosed abuse" }];
    },
  ],
  [
    "universal-education--unknown-card-subextension",
    UE,
    'Unknown sub-extension "disclosed"',
    (r) => {
      r.extension[0].extension.push({ url: "disclosed", valueBoolean: true });
    },
  ],
  [
    "universal-education--no-cards",
    UE,
    "Constraint wr-ue-1 not met",
    (r) => {
      delete r.extension;
    },
  ],
  [
    "partner-affiliation--unknown-onboarding-step",
    AFF,
    "not in the required value set https://warm-referral.org/fhir/ValueSet/wr-onboarding-step",
    (r) => {
      const step = r.extension.find((e: any) => e.url.endsWith("/wr-onboarding-step"));
      step.extension.find((e: any) => e.url === "step").valueCode = "throw-a-party";
    },
  ],
  [
    "partner-affiliation--cross-training-without-attendees",
    AFF,
    "slice 'attendees': expected 1..1, but found 0",
    (r) => {
      const training = r.extension.find((e: any) => e.url.endsWith("/wr-cross-training"));
      training.extension = training.extension.filter((e: any) => e.url !== "attendees");
    },
  ],
  [
    "partner-affiliation--cross-training-zero-attendees",
    AFF,
    "Expected number to be positive",
    (r) => {
      const training = r.extension.find((e: any) => e.url.endsWith("/wr-cross-training"));
      training.extension.find((e: any) => e.url === "attendees").valuePositiveInt = 0;
    },
  ],
  [
    "partner-affiliation--onboarding-step-without-date",
    AFF,
    "slice 'done': expected 1..1, but found 0",
    (r) => {
      const step = r.extension.find((e: any) => e.url.endsWith("/wr-onboarding-step"));
      step.extension = step.extension.filter((e: any) => e.url !== "done");
    },
  ],
  [
    "partner-affiliation--two-tiers",
    AFF,
    "Constraint wr-aff-1 not met",
    (r) => {
      r.code.push({
        coding: [
          { system: "https://warm-referral.org/fhir/CodeSystem/wr-participation-tier", code: "3" },
        ],
      });
    },
  ],
  [
    "partner-service--unknown-service",
    SVC,
    "is in the required value set https://warm-referral.org/fhir/ValueSet/wr-dsv-services",
    (r) => {
      r.type[0].coding[0] = { system: "http://example.org/services", code: "massage" };
    },
  ],
  [
    "partner-organization--no-partner-type",
    ORG,
    "Constraint wr-org-1 not met",
    (r) => {
      r.type = [{ text: "nonprofit" }];
    },
  ],
  [
    "incoming-referral--outgoing-code",
    ISR,
    "is in the required value set https://warm-referral.org/fhir/ValueSet/wr-incoming-service",
    (r) => {
      r.code.coding[0].code = "dsv-advocacy-referral";
    },
  ],
  [
    "incoming-referral-task--missing-owner",
    ITASK,
    "Task.owner: Missing required property",
    (r) => {
      delete r.owner;
    },
  ],
  [
    "partner-referral--subject-named",
    BSR,
    "Constraint wr-back-1 not met",
    (r) => {
      r.subject.display = "Ana Example";
    },
  ],
  [
    "partner-referral--code-display",
    BSR,
    "ServiceRequest.code.coding.display",
    (r) => {
      r.code.coding[0].display = "Next-day medical appointment";
    },
  ],
  [
    "partner-referral--free-text-note",
    BSR,
    "ServiceRequest.note",
    (r) => {
      r.note = [{ text: "needs a next-day visit" }];
    },
  ],
  [
    "partner-referral-task--client-telecom",
    BTASK,
    "Constraint wr-back-3 not met",
    (r) => {
      r.contained[0].telecom = [{ system: "phone", value: "555-0100" }];
    },
  ],
  [
    "partner-referral-task--matched-still-contained",
    BTASK,
    "Constraint wr-back-2 not met",
    (r) => {
      r.for = { reference: "Patient/pat-maria" };
    },
  ],
  [
    "partner-referral-task--no-safe-contact",
    BTASK,
    "Task.extension",
    (r) => {
      delete r.extension;
    },
  ],
  [
    "partner-referral-consent--patient-reference",
    BCON,
    "Constraint wr-back-1 not met",
    (r) => {
      r.patient = { reference: "Patient/pat-maria" };
    },
  ],
];
fs.mkdirSync(OUT, { recursive: true });
const expected: Record<string, string> = {};
for (const [name, src, msg, mut] of cases) {
  const r = load(src);
  mut(r);
  fs.writeFileSync(`${OUT}${name}.json`, await formatJson(r, `${OUT}${name}.json`));
  expected[`${name}.json`] = msg;
}
fs.writeFileSync(
  `${OUT}expected-errors.json`,
  await formatJson(expected, `${OUT}expected-errors.json`),
);
