import type { Failure } from "../fhir/failures";
import { describeFailure } from "./failures";

// One of every failure, at its emptiest (no diagnostics, no description) and in full.
const EVERY: Failure[] = [
  { kind: "config", file: "public/smart-config.json", problems: [] },
  { kind: "unknown-issuer", iss: "https://x.example/fhir" },
  { kind: "missing-iss" },
  { kind: "no-state" },
  { kind: "auth-denied", error: "server_error" },
  { kind: "auth-denied", error: "invalid_scope", description: "bad scope" },
  { kind: "token-exchange" },
  { kind: "token-exchange", status: 401, error: "invalid_client", description: "x" },
  { kind: "no-patient" },
  { kind: "not-staff" },
  { kind: "no-role", reason: "unmatched" },
  { kind: "no-role", reason: "advocate-without-program" },
  { kind: "not-allowed" },
  { kind: "scopes", missing: ["user/Task.rus"] },
  { kind: "session-expired" },
  { kind: "session-expired", signInAgain: true },
  { kind: "sign-in-again", reason: "popup-blocked" },
  { kind: "sign-in-again", reason: "closed" },
  { kind: "sign-in-again", reason: "other-user" },
  { kind: "sign-in-again", reason: "other-patient" },
  { kind: "unreachable", server: "ehr.example" },
  { kind: "no-answer", server: "ehr.example", seconds: 30, write: true },
  { kind: "no-answer", server: "ehr.example", seconds: 30, write: false },
  { kind: "forbidden", diagnostics: [] },
  { kind: "operation-outcome", status: 503, diagnostics: [] },
  { kind: "operation-outcome", status: 400, diagnostics: ["Bundle.entry[0]: bad"] },
  { kind: "conflict", diagnostics: [] },
  { kind: "referral-in-progress" },
  { kind: "bad-response", what: "the partner directory" },
  { kind: "wrong-patient" },
  { kind: "unexpected", message: "The referral could not be sent." },
];

describe("failure texts", () => {
  it.each(["en", "es"] as const)(
    "%s: every failure has a title, a message and a fix, and no sentence ends on a colon or an empty quote without details",
    (lang) => {
      for (const failure of EVERY) {
        const text = describeFailure(failure, lang);
        expect(text.title, failure.kind).not.toBe("");
        expect(text.fix, failure.kind).not.toBe("");
        expect(text.message, failure.kind).not.toMatch(/""|“”|\(\)/);
        if (text.details.length === 0) expect(text.message, failure.kind).not.toMatch(/:\s*$/);
      }
    },
  );

  it("an authorization error names the smart-config.json field to check", () => {
    const fix = (error: string, description?: string) =>
      describeFailure({ kind: "auth-denied", error, ...(description ? { description } : {}) }, "en")
        .fix;
    expect(fix("invalid_client")).toContain('"clientId"');
    expect(fix("unauthorized_client")).toContain('"clientId"');
    expect(fix("invalid_request", "redirect_uri did not match any registered URI")).toContain(
      '"redirectUri"',
    );
    expect(fix("invalid_scope")).toContain('"scopes"');
    expect(describeFailure({ kind: "auth-denied", error: "invalid_client" }, "es").fix).toContain(
      '"clientId"',
    );
  });
});
