import {
  accessFor,
  can,
  CAPABILITIES,
  ROLES,
  rolesFromCodes,
  type Capability,
  type Role,
  type RoleMapping,
} from "./roles";

const SYS = "https://ehr.example/roles";
const mapping: RoleMapping = {
  codes: {
    provider: [`${SYS}|md`, "np"],
    "medical-assistant": [`${SYS}|ma`],
    admin: [`${SYS}|admin`],
    "partner-advocate": [`${SYS}|advocate`],
  },
  unmatched: "none",
};

describe("roles from PractitionerRole codes", () => {
  it("matches system|code exactly and a bare code in any system", () => {
    expect(rolesFromCodes([{ system: SYS, code: "md" }], mapping)).toEqual(["provider"]);
    expect(rolesFromCodes([{ system: "other", code: "md" }], mapping)).toEqual([]);
    expect(rolesFromCodes([{ system: "any", code: "np" }], mapping)).toEqual(["provider"]);
    expect(rolesFromCodes([{ code: "np" }], mapping)).toEqual(["provider"]);
  });

  it("collects every matched role once, in a fixed order", () => {
    const codes = [
      { system: SYS, code: "admin" },
      { system: SYS, code: "ma" },
      { system: SYS, code: "ma" },
    ];
    expect(rolesFromCodes(codes, mapping)).toEqual(["medical-assistant", "admin"]);
  });

  it("applies `unmatched` when nothing matches", () => {
    expect(rolesFromCodes([], mapping)).toEqual([]);
    expect(rolesFromCodes([{ code: "x" }], { ...mapping, unmatched: "provider" })).toEqual([
      "provider",
    ]);
    expect(
      rolesFromCodes([{ system: SYS }], { ...mapping, unmatched: "medical-assistant" }),
    ).toEqual(["medical-assistant"]);
  });
});

// The whole table, written out: a change to who may do what must change this test.
const EXPECTED: Record<Role, { chart: Capability[]; workspace: Capability[] }> = {
  provider: {
    chart: [
      "record-education",
      "use-full-guide",
      "send-referral",
      "view-patient-history",
      "withdraw-consent",
      "view-directory",
      "view-settings",
      "run-diagnostics",
      "work-incoming-referrals",
      "view-worklist",
      "view-worklist-names",
      "cancel-referral",
      "record-follow-up",
    ],
    workspace: [
      "view-directory",
      "view-settings",
      "run-diagnostics",
      "work-incoming-referrals",
      "view-worklist",
      "view-worklist-names",
      "cancel-referral",
    ],
  },
  "medical-assistant": {
    chart: ["record-education", "view-directory", "work-incoming-referrals"],
    workspace: ["view-directory", "work-incoming-referrals"],
  },
  admin: {
    chart: [
      "view-directory",
      "edit-directory",
      "view-settings",
      "run-diagnostics",
      "view-reports",
      "view-partnership-reminders",
    ],
    workspace: [
      "view-directory",
      "edit-directory",
      "view-settings",
      "run-diagnostics",
      "view-reports",
      "view-partnership-reminders",
    ],
  },
  manager: {
    chart: [
      "view-directory",
      "view-settings",
      "view-reports",
      "view-partnership-reminders",
      "view-worklist",
    ],
    workspace: [
      "view-directory",
      "view-settings",
      "view-reports",
      "view-partnership-reminders",
      "view-worklist",
    ],
  },
  "partner-advocate": {
    chart: ["run-diagnostics", "work-partner-inbox", "refer-to-clinic"],
    workspace: ["run-diagnostics", "work-partner-inbox", "refer-to-clinic"],
  },
};

describe("capabilities", () => {
  for (const role of ROLES)
    for (const kind of ["chart", "workspace"] as const)
      it(`${role} in a ${kind} session`, () => {
        const access = accessFor([role], kind);
        const granted = CAPABILITIES.filter((c) => can(access, c));
        expect(granted).toEqual(EXPECTED[role][kind]);
      });

  it("a medical assistant may not send a referral, withdraw a consent or edit the directory", () => {
    const access = accessFor(["medical-assistant"], "chart");
    for (const c of [
      "send-referral",
      "withdraw-consent",
      "use-full-guide",
      "edit-directory",
    ] as const)
      expect(can(access, c), c).toBe(false);
  });

  it("several roles add up", () => {
    const access = accessFor(["medical-assistant", "admin"], "chart");
    expect(can(access, "record-education")).toBe(true);
    expect(can(access, "edit-directory")).toBe(true);
    expect(can(access, "send-referral")).toBe(false);
  });

  it("nobody has patient capabilities without a patient", () => {
    const access = accessFor([...ROLES], "workspace");
    for (const c of ["record-education", "send-referral", "view-patient-history"] as const)
      expect(can(access, c), c).toBe(false);
  });
});
