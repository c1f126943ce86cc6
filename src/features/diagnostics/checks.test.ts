import { compareCapabilities } from "../../fhir/capability";
import { EHR_REQUIREMENTS } from "../../fhir/ehrRequirements";
import { capabilityChecks, isSandboxServer, scopeChecks, smartChecks } from "./checks";

const byId = <T extends { id: string }>(list: T[]) =>
  Object.fromEntries(list.map((c) => [c.id, c]));

describe("SMART configuration checks", () => {
  const good = {
    authorization_endpoint: "https://ehr/auth",
    token_endpoint: "https://ehr/token",
    code_challenge_methods_supported: ["S256"],
    scopes_supported: ["openid", "fhirUser", "launch", "patient/*.rs"],
    capabilities: [
      "launch-ehr",
      "launch-standalone",
      "context-ehr-patient",
      "context-standalone-patient",
      "client-public",
      "permission-v2",
    ],
  };
  it("passes a complete configuration", () => {
    expect(smartChecks(good).every((c) => c.status === "pass")).toBe(true);
  });
  it("fails without PKCE S256 or EHR launch, and says how to fix it", () => {
    const checks = byId(
      smartChecks({
        ...good,
        code_challenge_methods_supported: ["plain"],
        capabilities: ["permission-v1"],
      }),
    );
    expect(checks["pkce-s256"]).toMatchObject({ status: "fail", detail: "Methods: plain" });
    expect(checks["pkce-s256"]?.fix).toContain("S256");
    expect(checks["launch-ehr"]?.status).toBe("fail");
    expect(checks["launch-standalone"]?.status).toBe("advisory");
  });
  it("fails when there is no document", () => {
    expect(smartChecks(undefined)).toMatchObject([{ id: "smart-configuration", status: "fail" }]);
  });
});

describe("capability and scope checks", () => {
  it("a server with nothing fails the CapabilityStatement check with its fix", () => {
    const checks = capabilityChecks(
      compareCapabilities({ resourceType: "Bundle" }, EHR_REQUIREMENTS),
    );
    expect(checks[0]).toMatchObject({ id: "capability-statement", status: "fail" });
    expect(checks[0]?.fix.length).toBeGreaterThan(10);
  });
  it("scopes: a provider launch passes read and write, the directory is a note", () => {
    const checks = byId(scopeChecks(["launch", "offline_access", "patient/*.cruds", "user/*.rs"]));
    expect(checks["scopes-read"]?.status).toBe("pass");
    expect(checks["scopes-write"]?.status).toBe("pass");
    expect(checks["scopes-admin"]?.status).toBe("info");
    expect(checks["scopes-refresh"]?.status).toBe("pass");
  });
  it("scopes: a partial clinical grant fails and names what is missing", () => {
    const checks = byId(scopeChecks(["patient/*.rs", "patient/ServiceRequest.crus", "user/*.rs"]));
    expect(checks["scopes-write"]?.status).toBe("fail");
    expect(checks["scopes-write"]?.detail).toContain("patient/Task.crus");
  });
  it("recognises the sandbox from its CapabilityStatement", () => {
    expect(isSandboxServer({ software: { name: "Warm Referral sandbox FHIR server" } })).toBe(true);
    expect(isSandboxServer({ software: { name: "Epic" } })).toBe(false);
  });
});
