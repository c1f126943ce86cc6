import { isAllowed, missingScopes, parseScope, splitScopes } from "./scopes";

describe("SMART scopes", () => {
  it("parses v2 and v1 scopes", () => {
    expect(parseScope("patient/Patient.rs")?.permissions).toEqual(new Set(["r", "s"]));
    expect(parseScope("user/*.cruds")?.resourceType).toBe("*");
    expect(parseScope("patient/Task.read")?.permissions).toEqual(new Set(["r", "s"]));
    expect(parseScope("user/Task.write")?.permissions).toEqual(new Set(["c", "u", "d"]));
    expect(parseScope("user/Task.*")?.permissions.size).toBe(5);
    expect(parseScope("patient/Observation.rs?category=laboratory")?.resourceType).toBe(
      "Observation",
    );
    expect(parseScope("launch")).toBeUndefined();
    expect(parseScope("patient/Patient.sr")).toBeUndefined(); // v2 order is fixed: c r u d s
  });

  it("checks a permission against granted scopes", () => {
    const granted = splitScopes("launch openid patient/*.rs user/Task.cu");
    expect(isAllowed(granted, "Patient", "r")).toBe(true);
    expect(isAllowed(granted, "Task", "c")).toBe(true);
    expect(isAllowed(granted, "Task", "d")).toBe(false);
    expect(isAllowed(granted, "Task", "r", ["user"])).toBe(false);
  });

  it("names the required scopes that were not granted", () => {
    expect(missingScopes(["patient/Patient.rs"], ["patient/Patient.read"])).toEqual([]);
    expect(missingScopes(["patient/Patient.rs"], ["user/Patient.rs"])).toEqual([]);
    expect(
      missingScopes(
        ["patient/Patient.rs", "patient/Task.cru"],
        ["patient/Patient.r", "patient/Task.cru"],
      ),
    ).toEqual(["patient/Patient.rs"]);
    expect(missingScopes(["user/Task.rs"], ["patient/Task.rs"])).toEqual(["user/Task.rs"]);
  });
});
