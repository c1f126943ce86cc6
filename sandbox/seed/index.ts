// Synthetic seed data for the sandbox EHR, as one idempotent FHIR R4 transaction Bundle.
// Every entry is a PUT to a fixed id, so posting the Bundle again changes nothing (the server
// keeps the current version when the content is unchanged). All people, phone numbers and
// addresses are invented; phone numbers use the 555-01xx range reserved for fiction.
//
// Dates are fixed relative to the sandbox's reference day, SEED_TODAY (2026-11-22), so the
// data never drifts: the adolescent is 15, one MOU ends within 60 days, one has expired.

import type {
  Bundle,
  BundleEntry,
  CodeableConcept,
  ContactPoint,
  Encounter,
  Endpoint,
  HealthcareService,
  HealthcareServiceAvailableTime,
  Location,
  Observation,
  Organization,
  OrganizationAffiliation,
  Patient,
  Practitioner,
  PractitionerRole,
  Procedure,
  Resource,
} from "fhir/r4";
import {
  CANONICAL_BASE,
  CARD_TYPES_PART,
  CODE_SYSTEM,
  EXTENSION,
  PROFILE,
  V3_ACT_CODE,
  V3_CONFIDENTIALITY,
} from "../../src/fhir/canonical";
import { codeDisplay } from "../../src/fhir/codeDisplays";

/** The sandbox's reference "today" (ages, MOU periods and review dates are relative to it). */
export const SEED_TODAY = "2026-11-22";

const BCP47 = "urn:ietf:bcp:47";
const MRN_SYSTEM = "http://riverside-chc.example.org/fhir/mrn";
/** Sandbox-only code system for the simulated EHR's user roles (values = SANDBOX_USERS[].role). */
export const SANDBOX_ROLE_SYSTEM = `${CANONICAL_BASE}/CodeSystem/wr-sandbox-user-role`;

const LANGUAGES: Record<string, string> = {
  en: "English",
  es: "Spanish",
  vi: "Vietnamese",
  so: "Somali",
};

// ---- small builders -----------------------------------------------------------------------

function language(code: string): CodeableConcept {
  return {
    coding: [{ system: BCP47, code, display: LANGUAGES[code] ?? code }],
    text: LANGUAGES[code] ?? code,
  };
}

function phone(value: string, use: ContactPoint["use"] = "work"): ContactPoint {
  return { system: "phone", value, use };
}

function dsvService(code: string): CodeableConcept {
  return {
    coding: [
      {
        system: CODE_SYSTEM.dsvServices,
        code,
        display: codeDisplay("wr-dsv-services", code, "en"),
      },
    ],
    text: codeDisplay("wr-dsv-services", code, "en"),
  };
}

function sandboxRole(code: string, display: string): CodeableConcept {
  return { coding: [{ system: SANDBOX_ROLE_SYSTEM, code, display }], text: display };
}

const ALL_WEEK: HealthcareServiceAvailableTime["daysOfWeek"] = [
  "mon",
  "tue",
  "wed",
  "thu",
  "fri",
  "sat",
  "sun",
];
const WEEKDAYS: HealthcareServiceAvailableTime["daysOfWeek"] = ["mon", "tue", "wed", "thu", "fri"];

function hours(
  daysOfWeek: HealthcareServiceAvailableTime["daysOfWeek"],
  start: string,
  end: string,
): HealthcareServiceAvailableTime {
  return { daysOfWeek, availableStartTime: start, availableEndTime: end };
}

const twentyFourSeven: HealthcareServiceAvailableTime[] = [{ daysOfWeek: ALL_WEEK, allDay: true }];

// ---- the clinic and its staff -------------------------------------------------------------

const clinic: Organization = {
  resourceType: "Organization",
  id: "clinic",
  active: true,
  type: [
    {
      coding: [
        {
          system: "http://terminology.hl7.org/CodeSystem/organization-type",
          code: "prov",
          display: "Healthcare Provider",
        },
      ],
    },
  ],
  name: "Riverside Community Health Center",
  telecom: [phone("503-555-0100"), { system: "url", value: "https://riverside-chc.example.org" }],
  address: [
    {
      line: ["1200 River Road"],
      city: "Riverside",
      state: "OR",
      postalCode: "97000",
      country: "US",
    },
  ],
};

const clinicLocation: Location = {
  resourceType: "Location",
  id: "loc-clinic-main",
  status: "active",
  name: "Riverside Community Health Center – Main Clinic",
  mode: "instance",
  telecom: [phone("503-555-0100")],
  address: clinic.address?.[0],
  managingOrganization: { reference: "Organization/clinic" },
};

function practitioner(
  id: string,
  family: string,
  given: string,
  prefix?: string,
  extra: Partial<Practitioner> = {},
): Practitioner {
  return {
    resourceType: "Practitioner",
    id,
    active: true,
    name: [{ use: "official", family, given: [given], ...(prefix ? { prefix: [prefix] } : {}) }],
    ...extra,
  };
}

const practitioners: Practitioner[] = [
  practitioner("prov-rivera", "Rivera", "Alex", "Dr.", {
    telecom: [phone("503-555-0110")],
    qualification: [
      {
        code: {
          coding: [
            {
              system: "http://terminology.hl7.org/CodeSystem/v2-0360",
              code: "MD",
              display: "Doctor of Medicine",
            },
          ],
        },
      },
    ],
    communication: [language("en"), language("es")],
  }),
  practitioner("ma-chen", "Chen", "Jordan", undefined, {
    telecom: [phone("503-555-0111")],
    qualification: [
      {
        code: {
          coding: [
            {
              system: "http://terminology.hl7.org/CodeSystem/v2-0360",
              code: "MDA",
              display: "Medical Assistant",
            },
          ],
        },
      },
    ],
    communication: [language("en")],
  }),
  practitioner("ma-lopez", "Lopez", "Casey", undefined, {
    communication: [language("en"), language("es")],
  }),
  practitioner("admin-okafor", "Okafor", "Sam", undefined, { telecom: [phone("503-555-0112")] }),
  practitioner("adv-santos", "Santos", "Rosa", undefined, {
    telecom: [phone("503-555-0150")],
    communication: [language("en"), language("es")],
  }),
  practitioner("adv-nguyen", "Nguyen", "Lan", undefined, {
    telecom: [phone("503-555-0170")],
    communication: [language("en"), language("vi")],
  }),
];

const practitionerRoles: PractitionerRole[] = [
  {
    resourceType: "PractitionerRole",
    id: "prov-rivera-role",
    active: true,
    practitioner: { reference: "Practitioner/prov-rivera", display: "Dr. Alex Rivera" },
    organization: { reference: "Organization/clinic" },
    code: [
      sandboxRole("provider", "Provider"),
      {
        coding: [
          {
            system: "http://terminology.hl7.org/CodeSystem/practitioner-role",
            code: "doctor",
            display: "Doctor",
          },
        ],
      },
    ],
    location: [{ reference: "Location/loc-clinic-main" }],
  },
  {
    resourceType: "PractitionerRole",
    id: "ma-chen-role",
    active: true,
    practitioner: { reference: "Practitioner/ma-chen", display: "Jordan Chen" },
    organization: { reference: "Organization/clinic" },
    code: [sandboxRole("medical-assistant", "Medical assistant")],
    location: [{ reference: "Location/loc-clinic-main" }],
  },
  {
    resourceType: "PractitionerRole",
    id: "ma-lopez-role",
    active: true,
    practitioner: { reference: "Practitioner/ma-lopez", display: "Casey Lopez" },
    organization: { reference: "Organization/clinic" },
    code: [sandboxRole("medical-assistant", "Medical assistant")],
    location: [{ reference: "Location/loc-clinic-main" }],
  },
  {
    resourceType: "PractitionerRole",
    id: "admin-okafor-role",
    active: true,
    practitioner: { reference: "Practitioner/admin-okafor", display: "Sam Okafor" },
    organization: { reference: "Organization/clinic" },
    code: [sandboxRole("clinic-admin", "Clinic administrator")],
  },
  {
    resourceType: "PractitionerRole",
    id: "adv-santos-role",
    active: true,
    practitioner: { reference: "Practitioner/adv-santos", display: "Rosa Santos" },
    organization: { reference: "Organization/org-safe-harbor" },
    code: [sandboxRole("partner-advocate", "Partner advocate")],
    healthcareService: [{ reference: "HealthcareService/hs-safe-harbor-advocacy" }],
  },
  {
    resourceType: "PractitionerRole",
    id: "adv-nguyen-role",
    active: true,
    practitioner: { reference: "Practitioner/adv-nguyen", display: "Lan Nguyen" },
    organization: { reference: "Organization/org-bridges-sa" },
    code: [sandboxRole("partner-advocate", "Partner advocate")],
  },
];

// ---- patients and encounters --------------------------------------------------------------

/** What the simulated EHR's patient picker shows. */
export interface SeedPatient {
  id: string;
  name: string;
  birthDate: string;
  gender: "female" | "male" | "other" | "unknown";
  /** BCP-47 code of the preferred language. */
  language: string;
  /** The current encounter, when there is one. */
  encounterId?: string;
  /** "AMB" (in-person visit) or "VR" (telehealth). */
  encounterClass?: "AMB" | "VR";
  note: string;
}

export const SEED_PATIENTS: readonly SeedPatient[] = [
  {
    id: "pat-maria",
    name: "María Hernández",
    birthDate: "1991-03-14",
    gender: "female",
    language: "es",
    encounterId: "enc-maria",
    encounterClass: "AMB",
    note: "Spanish speaker, in-clinic visit",
  },
  {
    id: "pat-james",
    name: "James Walker",
    birthDate: "1978-07-02",
    gender: "male",
    language: "en",
    encounterId: "enc-james",
    encounterClass: "AMB",
    note: "English speaker, in-clinic visit",
  },
  {
    id: "pat-linh",
    name: "Linh Nguyen",
    birthDate: "1985-11-30",
    gender: "female",
    language: "vi",
    encounterId: "enc-linh",
    encounterClass: "AMB",
    note: "Vietnamese speaker, in-clinic visit",
  },
  {
    id: "pat-aaliyah",
    name: "Aaliyah Brooks",
    birthDate: "2011-05-09",
    gender: "female",
    language: "en",
    encounterId: "enc-aaliyah",
    encounterClass: "AMB",
    note: "Adolescent (15), in-clinic visit",
  },
  {
    id: "pat-sofia",
    name: "Sofía Ramírez",
    birthDate: "1999-01-21",
    gender: "female",
    language: "es",
    encounterId: "enc-sofia",
    encounterClass: "VR",
    note: "Spanish speaker, telehealth visit",
  },
  {
    id: "pat-dana",
    name: "Dana Kim",
    birthDate: "1983-08-15",
    gender: "female",
    language: "en",
    note: "English speaker, no current encounter",
  },
  {
    id: "pat-carlos",
    name: "Carlos Mendoza",
    birthDate: "1969-09-18",
    gender: "male",
    language: "es",
    encounterId: "enc-carlos",
    encounterClass: "AMB",
    note: "Spanish speaker, in-clinic visit",
  },
  {
    id: "pat-emily",
    name: "Emily Johnson",
    birthDate: "1994-04-04",
    gender: "female",
    language: "en",
    encounterId: "enc-emily",
    encounterClass: "AMB",
    note: "English speaker, in-clinic visit",
  },
  {
    id: "pat-amina",
    name: "Amina Yusuf",
    birthDate: "1988-12-02",
    gender: "female",
    language: "so",
    encounterId: "enc-amina",
    encounterClass: "AMB",
    note: "Somali speaker (English second), in-clinic visit",
  },
];

function patientResource(p: SeedPatient, index: number): Patient {
  const [given = "", ...rest] = p.name.split(" ");
  const languages = p.id === "pat-amina" ? [p.language, "en"] : [p.language];
  return {
    resourceType: "Patient",
    id: p.id,
    active: true,
    identifier: [
      {
        use: "usual",
        type: {
          coding: [
            {
              system: "http://terminology.hl7.org/CodeSystem/v2-0203",
              code: "MR",
              display: "Medical record number",
            },
          ],
        },
        system: MRN_SYSTEM,
        value: `RCH${String(100201 + index)}`,
      },
    ],
    name: [{ use: "official", family: rest.join(" "), given: [given] }],
    telecom: [phone(`503-555-01${String(20 + index).padStart(2, "0")}`, "mobile")],
    gender: p.gender,
    birthDate: p.birthDate,
    address: [{ use: "home", city: "Riverside", state: "OR", postalCode: "97000", country: "US" }],
    communication: languages.map((code, i) => ({ language: language(code), preferred: i === 0 })),
    generalPractitioner: [{ reference: "Practitioner/prov-rivera" }],
    managingOrganization: { reference: "Organization/clinic" },
    ...(p.id === "pat-aaliyah"
      ? {
          contact: [
            {
              relationship: [
                {
                  coding: [
                    {
                      system: "http://terminology.hl7.org/CodeSystem/v2-0131",
                      code: "N",
                      display: "Next-of-Kin",
                    },
                  ],
                },
              ],
              name: { family: "Brooks", given: ["Denise"] },
              telecom: [phone("503-555-0140", "home")],
            },
          ],
        }
      : {}),
  };
}

function encounterResource(p: SeedPatient): Encounter | undefined {
  if (!p.encounterId || !p.encounterClass) return undefined;
  const virtual = p.encounterClass === "VR";
  return {
    resourceType: "Encounter",
    id: p.encounterId,
    status: "in-progress",
    class: {
      system: V3_ACT_CODE,
      code: p.encounterClass,
      display: virtual ? "virtual" : "ambulatory",
    },
    type: [{ text: virtual ? "Telehealth visit" : "Office visit" }],
    subject: { reference: `Patient/${p.id}`, display: p.name },
    participant: [
      { individual: { reference: "Practitioner/prov-rivera", display: "Dr. Alex Rivera" } },
    ],
    period: { start: `${SEED_TODAY}T09:00:00-08:00` },
    serviceProvider: { reference: "Organization/clinic" },
    ...(virtual ? {} : { location: [{ location: { reference: "Location/loc-clinic-main" } }] }),
  };
}

/** An ordinary, unlabelled result: visible in the patient portal. */
const mariaWeight: Observation = {
  resourceType: "Observation",
  id: "obs-maria-weight",
  status: "final",
  category: [
    {
      coding: [
        {
          system: "http://terminology.hl7.org/CodeSystem/observation-category",
          code: "vital-signs",
          display: "Vital Signs",
        },
      ],
    },
  ],
  code: {
    coding: [{ system: "http://loinc.org", code: "29463-7", display: "Body weight" }],
    text: "Body weight",
  },
  subject: { reference: "Patient/pat-maria" },
  effectiveDateTime: "2026-05-10T10:15:00-07:00",
  valueQuantity: { value: 64.2, unit: "kg", system: "http://unitsofmeasure.org", code: "kg" },
};

/**
 * A labelled record from an earlier visit, so the portal simulator has something to withhold:
 * restricted (R), DSV-sensitive (SDV) and not for patient access (NOPAT). It is what the app
 * writes when universal education is offered (profile wr-universal-education).
 */
const mariaEarlierEducation: Procedure = {
  resourceType: "Procedure",
  id: "proc-maria-education-2026-05",
  meta: {
    profile: [PROFILE.universalEducation],
    // Codes only, as the app writes them: label displays name the sensitivity in words.
    security: [
      { system: V3_CONFIDENTIALITY, code: "R" },
      { system: V3_ACT_CODE, code: "SDV" },
      { system: V3_ACT_CODE, code: "NOPAT" },
    ],
  },
  extension: [
    {
      url: EXTENSION.cardTypes,
      extension: [
        {
          url: CARD_TYPES_PART.type,
          valueCoding: {
            system: CODE_SYSTEM.safetyCardType,
            code: "healthy-relationships",
            display: "Healthy relationships (general)",
          },
        },
        { url: CARD_TYPES_PART.language, valueCode: "es" },
        { url: CARD_TYPES_PART.count, valuePositiveInt: 1 },
      ],
    },
  ],
  identifier: [{ system: CODE_SYSTEM.identifier, value: "seed-proc-maria-education-2026-05" }],
  status: "completed",
  // A code only (wr-universal-education): no display or text for a label-blind portal to show.
  code: { coding: [{ system: CODE_SYSTEM.activity, code: "universal-education" }] },
  subject: { reference: "Patient/pat-maria" },
  performedDateTime: "2026-05-10T10:30:00-07:00",
  performer: [{ actor: { reference: "Practitioner/prov-rivera" } }],
};

// ---- partner programs ---------------------------------------------------------------------

interface PartnerSpec {
  org: Organization;
  services: HealthcareService[];
  affiliation: {
    id: string;
    tier: "1" | "2" | "3" | "4";
    level: "informed" | "collaborative" | "integrated";
    start: string;
    end: string;
    reviewDate: string;
    active: boolean;
  };
  endpoint?: Endpoint;
}

function partnerOrg(
  id: string,
  name: string,
  partnerType: string,
  partnerTypeDisplay: string,
  phoneNumber: string,
  extra: Partial<Organization> = {},
): Organization {
  return {
    resourceType: "Organization",
    id,
    meta: { profile: [PROFILE.partnerOrganization] },
    active: true,
    type: [
      {
        coding: [
          { system: CODE_SYSTEM.partnerType, code: partnerType, display: partnerTypeDisplay },
        ],
        text: partnerTypeDisplay,
      },
      {
        coding: [
          {
            system: "http://terminology.hl7.org/CodeSystem/organization-type",
            code: "cg",
            display: "Community Group",
          },
        ],
      },
    ],
    name,
    telecom: [phone(phoneNumber)],
    // Confidential-location programs list only a mailing address (never a shelter address).
    address: [
      {
        use: "work",
        type: "postal",
        line: ["PO Box 4100"],
        city: "Riverside",
        state: "OR",
        postalCode: "97000",
        country: "US",
      },
    ],
    ...extra,
  };
}

function service(
  id: string,
  orgId: string,
  name: string,
  codes: string[],
  opts: {
    phone: string;
    availableTime: HealthcareServiceAvailableTime[];
    languages: string[];
    eligibility: string;
    comment?: string;
    availabilityExceptions?: string;
    appointmentRequired?: boolean;
  },
): HealthcareService {
  return {
    resourceType: "HealthcareService",
    id,
    meta: { profile: [PROFILE.partnerService] },
    active: true,
    providedBy: { reference: `Organization/${orgId}` },
    type: codes.map(dsvService),
    name,
    ...(opts.comment ? { comment: opts.comment } : {}),
    telecom: [phone(opts.phone)],
    eligibility: [{ code: { text: opts.eligibility }, comment: opts.eligibility }],
    communication: opts.languages.map(language),
    referralMethod: [
      {
        coding: [
          {
            system: "http://terminology.hl7.org/CodeSystem/service-referral-method",
            code: "phone",
            display: "Phone",
          },
        ],
      },
      {
        coding: [
          {
            system: "http://terminology.hl7.org/CodeSystem/service-referral-method",
            code: "elec",
            display: "Secure Messaging",
          },
        ],
      },
    ],
    appointmentRequired: opts.appointmentRequired ?? false,
    availableTime: opts.availableTime,
    ...(opts.availabilityExceptions ? { availabilityExceptions: opts.availabilityExceptions } : {}),
  };
}

const PARTNERS: PartnerSpec[] = [
  {
    org: partnerOrg(
      "org-safe-harbor",
      "Safe Harbor Family Violence Program",
      "dv-program",
      "Domestic violence program",
      "503-555-0150",
      {
        alias: ["Safe Harbor"],
        endpoint: [{ reference: "Endpoint/endpoint-safe-harbor" }],
      },
    ),
    services: [
      service(
        "hs-safe-harbor-hotline",
        "org-safe-harbor",
        "Safe Harbor 24/7 Hotline",
        ["hotline-24h"],
        {
          phone: "503-555-0151",
          availableTime: twentyFourSeven,
          languages: ["en", "es"],
          eligibility:
            "Anyone affected by intimate partner violence, and people calling on their behalf",
          comment: "Interpreters for other languages by phone.",
        },
      ),
      service(
        "hs-safe-harbor-shelter",
        "org-safe-harbor",
        "Safe Harbor Emergency Shelter",
        ["emergency-shelter"],
        {
          phone: "503-555-0151",
          availableTime: twentyFourSeven,
          languages: ["en", "es"],
          eligibility:
            "Adults fleeing intimate partner violence, with their children; intake through the hotline",
          availabilityExceptions:
            "Intake through the hotline at any hour; the shelter address is confidential.",
        },
      ),
      service(
        "hs-safe-harbor-advocacy",
        "org-safe-harbor",
        "Safe Harbor Advocacy Center",
        [
          "drop-in-safety-planning",
          "housing-advocacy",
          "case-management",
          "support-groups",
          "economic-advocacy",
        ],
        {
          phone: "503-555-0152",
          availableTime: [
            hours(WEEKDAYS, "09:00:00", "17:00:00"),
            hours(["sat"], "10:00:00", "14:00:00"),
          ],
          languages: ["en", "es"],
          eligibility:
            "Adults and teens (14+) affected by intimate partner violence; no documents needed",
          availabilityExceptions: "Closed on federal holidays.",
        },
      ),
    ],
    affiliation: {
      id: "aff-safe-harbor",
      tier: "4",
      level: "integrated",
      start: "2025-01-01",
      end: "2027-12-31",
      reviewDate: "2027-06-30",
      active: true,
    },
    endpoint: {
      resourceType: "Endpoint",
      id: "endpoint-safe-harbor",
      meta: { profile: [PROFILE.partnerEndpoint] },
      status: "active",
      connectionType: {
        system: "http://terminology.hl7.org/CodeSystem/endpoint-connection-type",
        code: "hl7-fhir-rest",
        display: "HL7 FHIR",
      },
      name: "Safe Harbor referral inbox (FHIR)",
      managingOrganization: { reference: "Organization/org-safe-harbor" },
      payloadType: [
        {
          coding: [
            {
              system: "http://terminology.hl7.org/CodeSystem/endpoint-payload-type",
              code: "any",
              display: "Any",
            },
          ],
        },
      ],
      payloadMimeType: ["application/fhir+json"],
      address: "https://fhir.safe-harbor.example.org/r4",
    },
  },
  {
    org: partnerOrg(
      "org-eastside-legal",
      "Eastside Legal Advocacy Project",
      "legal-services",
      "Legal services",
      "503-555-0160",
    ),
    services: [
      service(
        "hs-eastside-legal",
        "org-eastside-legal",
        "Protective order and family law advocacy",
        ["legal-advocacy", "court-accompaniment", "justice-advocacy"],
        {
          phone: "503-555-0161",
          availableTime: [hours(["mon", "tue", "wed", "thu"], "08:30:00", "17:00:00")],
          languages: ["en", "es"],
          eligibility: "Survivors of domestic or sexual violence in the county; free of charge",
          appointmentRequired: true,
        },
      ),
    ],
    // MOU ends within 60 days of SEED_TODAY: the directory should flag it for review.
    affiliation: {
      id: "aff-eastside-legal",
      tier: "2",
      level: "collaborative",
      start: "2024-01-01",
      end: "2026-12-31",
      reviewDate: "2026-12-15",
      active: true,
    },
  },
  {
    org: partnerOrg(
      "org-bridges-sa",
      "Bridges Sexual Assault Resource Center",
      "sa-program",
      "Sexual assault program",
      "503-555-0170",
    ),
    services: [
      service(
        "hs-bridges-crisis-line",
        "org-bridges-sa",
        "Bridges 24-hour crisis line and hospital accompaniment",
        ["hotline-24h", "health-wellness"],
        {
          phone: "503-555-0171",
          availableTime: twentyFourSeven,
          languages: ["en", "es"],
          eligibility:
            "Anyone affected by sexual violence, any age; accompaniment to forensic exams",
        },
      ),
      service(
        "hs-bridges-advocacy",
        "org-bridges-sa",
        "Bridges advocacy and support groups",
        ["justice-advocacy", "support-groups", "case-management"],
        {
          phone: "503-555-0172",
          availableTime: [hours(WEEKDAYS, "09:00:00", "18:00:00")],
          languages: ["en"],
          eligibility: "Survivors of sexual violence aged 13 and over",
        },
      ),
    ],
    affiliation: {
      id: "aff-bridges-sa",
      tier: "3",
      level: "collaborative",
      start: "2025-07-01",
      end: "2028-06-30",
      reviewDate: "2027-07-01",
      active: true,
    },
  },
  {
    org: partnerOrg(
      "org-clearwater-counseling",
      "Clearwater Counseling Collective",
      "mental-health",
      "Mental health provider",
      "503-555-0180",
    ),
    services: [
      service(
        "hs-clearwater-counseling",
        "org-clearwater-counseling",
        "Trauma-informed counseling",
        ["mental-health", "support-groups"],
        {
          phone: "503-555-0181",
          availableTime: [hours(WEEKDAYS, "08:00:00", "19:00:00")],
          languages: ["en", "vi", "es"],
          eligibility: "Adults and adolescents (12+); sliding-scale fees, no one turned away",
          comment:
            "Counselors from the Vietnamese, Latine and other communities the collective serves.",
          appointmentRequired: true,
        },
      ),
    ],
    // Expired MOU: still listed, but no longer an active partnership.
    affiliation: {
      id: "aff-clearwater-counseling",
      tier: "1",
      level: "informed",
      start: "2022-01-01",
      end: "2025-12-31",
      reviewDate: "2025-10-01",
      active: false,
    },
  },
  {
    org: partnerOrg(
      "org-freedom-path",
      "Freedom Path Anti-Trafficking Coalition",
      "anti-trafficking-program",
      "Anti-trafficking program",
      "503-555-0190",
    ),
    services: [
      service(
        "hs-freedom-path",
        "org-freedom-path",
        "Freedom Path survivor services",
        ["anti-trafficking", "case-management", "economic-advocacy", "housing-advocacy"],
        {
          phone: "503-555-0191",
          availableTime: [hours(WEEKDAYS, "09:00:00", "17:00:00")],
          languages: ["en", "es", "vi"],
          eligibility:
            "People experiencing labor or sex trafficking or exploitation, any immigration status",
          availabilityExceptions:
            "After hours, the National Human Trafficking Hotline (1-888-373-7888) answers 24/7.",
        },
      ),
    ],
    affiliation: {
      id: "aff-freedom-path",
      tier: "2",
      level: "collaborative",
      start: "2026-03-01",
      end: "2029-02-28",
      reviewDate: "2027-03-01",
      active: true,
    },
  },
];

function affiliationResource(p: PartnerSpec): OrganizationAffiliation {
  const a = p.affiliation;
  return {
    resourceType: "OrganizationAffiliation",
    id: a.id,
    meta: { profile: [PROFILE.partnerAffiliation] },
    extension: [{ url: EXTENSION.mouReviewDate, valueDate: a.reviewDate }],
    active: a.active,
    period: { start: a.start, end: a.end },
    organization: { reference: "Organization/clinic", display: clinic.name },
    participatingOrganization: { reference: `Organization/${p.org.id}`, display: p.org.name },
    code: [
      {
        coding: [
          {
            system: CODE_SYSTEM.participationTier,
            code: a.tier,
            display: codeDisplay("wr-participation-tier", a.tier, "en"),
          },
        ],
        text: `Tier ${a.tier}: ${codeDisplay("wr-participation-tier", a.tier, "en")}`,
      },
      {
        coding: [
          {
            system: CODE_SYSTEM.collaborationLevel,
            code: a.level,
            display: codeDisplay("wr-collaboration-level", a.level, "en"),
          },
        ],
        text: codeDisplay("wr-collaboration-level", a.level, "en"),
      },
    ],
    healthcareService: p.services.map((s) => ({
      reference: `HealthcareService/${s.id}`,
      display: s.name,
    })),
    ...(p.endpoint ? { endpoint: [{ reference: `Endpoint/${p.endpoint.id}` }] } : {}),
    telecom: p.org.telecom,
  };
}

// ---- the bundle ---------------------------------------------------------------------------

/** Every seed resource, in dependency order (referenced resources first, for readability). */
export function seedResources(): Resource[] {
  const patients = SEED_PATIENTS.map(patientResource);
  const encounters = SEED_PATIENTS.map(encounterResource).filter((e): e is Encounter => !!e);
  const partnerResources = PARTNERS.flatMap((p): Resource[] => [
    p.org,
    ...(p.endpoint ? [p.endpoint] : []),
    ...p.services,
    affiliationResource(p),
  ]);
  return [
    clinic,
    clinicLocation,
    ...practitioners,
    ...partnerResources,
    ...practitionerRoles,
    ...patients,
    ...encounters,
    mariaWeight,
    mariaEarlierEducation,
  ];
}

/**
 * The seed as a transaction Bundle of PUTs to fixed ids: idempotent on this server and on any
 * server that supports update-as-create (client-assigned ids).
 */
export function buildSeedBundle(): Bundle {
  const entry: BundleEntry[] = seedResources().map((resource) => ({
    resource: structuredClone(resource),
    request: { method: "PUT", url: `${resource.resourceType}/${resource.id ?? ""}` },
  }));
  return { resourceType: "Bundle", type: "transaction", entry };
}
