// @vitest-environment node
import { describe, expect, it } from "vitest";
import { accessFor, parseResourceScope, parseScopes } from "./scopes";

describe("SMART scopes", () => {
  it("parses v2 and v1 permissions", () => {
    expect([...(parseResourceScope("patient/Observation.rs")?.permissions ?? [])]).toEqual([
      "r",
      "s",
    ]);
    expect([...(parseResourceScope("user/*.cruds")?.permissions ?? [])]).toEqual([
      "c",
      "r",
      "u",
      "d",
      "s",
    ]);
    expect([...(parseResourceScope("patient/*.read")?.permissions ?? [])]).toEqual(["r", "s"]);
    expect([...(parseResourceScope("user/Task.write")?.permissions ?? [])]).toEqual([
      "c",
      "u",
      "d",
    ]);
    expect([...(parseResourceScope("user/*.*")?.permissions ?? [])]).toEqual([
      "c",
      "r",
      "u",
      "d",
      "s",
    ]);
    expect(parseResourceScope("system/Patient.rs")?.context).toBe("system");
  });

  it("ignores non-resource and malformed scopes", () => {
    expect(parseResourceScope("openid")).toBeUndefined();
    expect(parseResourceScope("launch/patient")).toBeUndefined();
    expect(parseResourceScope("patient/Observation.sr")).toBeUndefined(); // v2 order is c-r-u-d-s
    expect(parseResourceScope("patient/Observation.x")).toBeUndefined();
  });

  it("decides the access level per type and permission", () => {
    const scopes = parseScopes(["patient/*.rs", "user/Task.cu", "openid"]);
    expect(accessFor(scopes, "Observation", "r", "p1")).toBe("patient");
    expect(accessFor(scopes, "Observation", "r", undefined)).toBeUndefined();
    expect(accessFor(scopes, "Task", "u", "p1")).toBe("all");
    expect(accessFor(scopes, "Task", "d", "p1")).toBeUndefined();
    expect(accessFor(scopes, "Observation", "c", "p1")).toBeUndefined();
  });
});
