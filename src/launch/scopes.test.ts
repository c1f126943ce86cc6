import type { IssuerEntry } from "../config/smartConfig";
import { chooseScopes, launchContextOf, registrationFor } from "./scopes";

const entry = {
  label: "Test",
  iss: "https://ehr.test/fhir",
  clientId: "c",
  scopeVersion: "auto",
  scopes: { v2: "launch openid patient/Patient.rs", v1: "launch openid patient/Patient.read" },
  pkceMode: "ifSupported",
  redirectUri: "index.html",
  standalone: false,
} as IssuerEntry;

describe("chooseScopes", () => {
  it("reads the SMART configuration with cache: no-store and picks v2 when the server lists permission-v2", async () => {
    const fetchImpl = vi.fn(
      async () => new Response(JSON.stringify({ capabilities: ["permission-v2"] })),
    );
    const scope = await chooseScopes(entry, "https://ehr.test/fhir/", "ehr", fetchImpl);
    expect(scope).toBe("openid patient/Patient.rs launch");
    expect(fetchImpl).toHaveBeenCalledWith(
      "https://ehr.test/fhir/.well-known/smart-configuration",
      expect.objectContaining({ cache: "no-store" }),
    );
  });

  it("falls back to v1 when the server does not say v2, and asks launch/patient standalone", async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ capabilities: [] })));
    expect(await chooseScopes(entry, "https://ehr.test/fhir", "patient", fetchImpl)).toBe(
      "openid patient/Patient.read launch/patient",
    );
  });

  it("a standalone launch into a chart asks for the visit where the server offers it", async () => {
    const fixed = { ...entry, scopeVersion: "v2" } as IssuerEntry;
    const offers = vi.fn(
      async () => new Response(JSON.stringify({ capabilities: ["context-standalone-encounter"] })),
    );
    expect(await chooseScopes(fixed, "https://ehr.test/fhir", "patient", offers)).toBe(
      "openid patient/Patient.rs launch/patient launch/encounter",
    );
    const doesNot = vi.fn(async () => new Response(JSON.stringify({ capabilities: [] })));
    expect(await chooseScopes(fixed, "https://ehr.test/fhir", "patient", doesNot)).toBe(
      "openid patient/Patient.rs launch/patient",
    );
    // An EHR launch with fixed v2 scopes reads nothing first.
    const never = vi.fn(async () => new Response("{}"));
    await chooseScopes(fixed, "https://ehr.test/fhir", "ehr", never);
    expect(never).not.toHaveBeenCalled();
  });

  it("a standalone launch to the workspace asks for no launch context", async () => {
    const fetchImpl = vi.fn(async () => new Response(JSON.stringify({ capabilities: [] })));
    expect(await chooseScopes(entry, "https://ehr.test/fhir", "workspace", fetchImpl)).toBe(
      "openid patient/Patient.read",
    );
  });

  it("the launch context comes from the URL: launch → EHR, context=patient → pick a patient", () => {
    expect(launchContextOf(new URLSearchParams("iss=x&launch=abc"))).toBe("ehr");
    expect(launchContextOf(new URLSearchParams("iss=x&context=patient"))).toBe("patient");
    expect(launchContextOf(new URLSearchParams("iss=x"))).toBe("workspace");
  });
});

describe("registrationFor (partner programs' own client)", () => {
  const partner = {
    ...entry,
    partner: { clientId: "p", scopes: { v2: "openid user/Task.rus", v1: "openid user/Task.read" } },
  } as IssuerEntry;
  const q = (s: string) => new URLSearchParams(s);

  it("uses the entry itself unless as=partner", () => {
    expect(registrationFor(partner, q("iss=x&launch=abc"), [partner])).toEqual({
      entry: partner,
      context: "ehr",
    });
  });

  it("as=partner: the partner client and scopes, always a workspace launch", async () => {
    const chosen = registrationFor(partner, q("iss=x&as=partner&context=patient&launch=l"), [
      partner,
    ]);
    if (!("entry" in chosen)) throw new Error("expected a registration");
    expect(chosen.context).toBe("workspace");
    expect(chosen.entry.clientId).toBe("p");
    const fetchImpl = vi.fn(async () => new Response("{}"));
    expect(
      await chooseScopes({ ...chosen.entry, scopeVersion: "v2" }, "x", chosen.context, fetchImpl),
    ).toBe("openid user/Task.rus");
    expect(fetchImpl).not.toHaveBeenCalled();
  });

  it("as=partner on an entry without one is a config error naming the field", () => {
    const chosen = registrationFor(entry, q("as=partner"), [partner, entry]);
    expect(chosen).toMatchObject({
      failure: { kind: "config", problems: [{ field: "issuers[1].partner" }] },
    });
  });
});
