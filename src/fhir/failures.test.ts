import { failureFromHttp, outcomeIssues } from "./failures";

const outcome = {
  resourceType: "OperationOutcome",
  issue: [
    {
      severity: "error",
      code: "invariant",
      diagnostics: "Bundle.entry[2] (POST HealthcareService): name is required",
      expression: ["Bundle.entry[2].resource.name"],
    },
    { severity: "warning", code: "informational", details: { text: "Checked" } },
  ],
};

describe("failures from HTTP answers", () => {
  it("keeps each OperationOutcome issue: severity, code, text, expression", () => {
    expect(outcomeIssues(outcome)).toEqual([
      {
        severity: "error",
        code: "invariant",
        text: "Bundle.entry[2] (POST HealthcareService): name is required",
        expression: ["Bundle.entry[2].resource.name"],
      },
      { severity: "warning", code: "informational", text: "Checked", expression: [] },
    ]);
    const failure = failureFromHttp(400, outcome, null);
    expect(failure.kind).toBe("operation-outcome");
    if (failure.kind === "operation-outcome") expect(failure.issues).toHaveLength(2);
  });

  it("a 412 is a conflict, whatever the body", () => {
    expect(failureFromHttp(412, outcome, null).kind).toBe("conflict");
    expect(failureFromHttp(412, undefined, null).kind).toBe("conflict");
  });

  it("401 ends the session; 403 is forbidden with the issues; a bare status is named", () => {
    expect(failureFromHttp(401, outcome, null)).toEqual({ kind: "session-expired" });
    expect(failureFromHttp(403, outcome, null)).toMatchObject({ kind: "forbidden" });
    expect(failureFromHttp(502, "not json", null)).toEqual({
      kind: "operation-outcome",
      status: 502,
      diagnostics: ["The server answered HTTP 502."],
    });
    expect(outcomeIssues({ resourceType: "Patient" })).toEqual([]);
  });
});
