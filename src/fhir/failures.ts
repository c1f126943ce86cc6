// Every way a launch or a FHIR call can fail, as data. Screens turn these into plain language
// (src/content/failures.ts); nothing here carries PHI — never a patient id, name or URL path.

export type Failure =
  | { kind: "config"; file: string; problems: { field: string; message: string; fix: string }[] }
  | { kind: "unknown-issuer"; iss: string }
  | { kind: "missing-iss" }
  | { kind: "no-state" }
  | { kind: "auth-denied"; error: string; description?: string }
  | { kind: "token-exchange"; status?: number; error?: string; description?: string }
  | { kind: "no-patient" }
  | { kind: "not-staff" }
  | { kind: "no-role"; reason: "unmatched" | "advocate-without-program" }
  | { kind: "not-allowed" }
  | { kind: "scopes"; missing: string[] }
  /** `signInAgain`: the screen offers to sign in again in place (src/app/reauthorize.ts). */
  | { kind: "session-expired"; signInAgain?: boolean }
  /** Signing in again in place did not give this screen its session back. */
  | { kind: "sign-in-again"; reason: "popup-blocked" | "closed" | "other-user" | "other-patient" }
  | { kind: "unreachable"; server: string }
  /** The server did not answer in time; for a write (`write`), it may or may not have been done. */
  | { kind: "no-answer"; server: string; seconds: number; write: boolean }
  | { kind: "forbidden"; diagnostics: string[]; issues?: OutcomeIssue[] }
  | { kind: "operation-outcome"; status: number; diagnostics: string[]; issues?: OutcomeIssue[] }
  /** 412: someone changed the record since it was read (If-Match did not match). */
  | { kind: "conflict"; diagnostics: string[] }
  /** A retried referral differs from what the server holds, and the partner already acted on it. */
  | { kind: "referral-in-progress" }
  | { kind: "bad-response"; what: string }
  | { kind: "wrong-patient" }
  | { kind: "unexpected"; message: string };

/** One OperationOutcome issue as the server sent it, so a form can put it on its field. */
export interface OutcomeIssue {
  severity: string;
  code: string;
  text: string;
  /** FHIRPath expressions, e.g. "Bundle.entry[2].resource.name". */
  expression: string[];
}

/** The Failure an error carries, or an "unexpected" one naming what was being done. */
export function failureOf(error: unknown, doing = "The request could not be completed."): Failure {
  return error instanceof FailureError ? error.failure : { kind: "unexpected", message: doing };
}

export class FailureError extends Error {
  constructor(readonly failure: Failure) {
    super(failure.kind);
    this.name = "FailureError";
  }
}

interface OperationOutcomeLike {
  resourceType?: unknown;
  issue?: {
    severity?: unknown;
    code?: unknown;
    diagnostics?: unknown;
    details?: { text?: unknown };
    expression?: unknown;
  }[];
}

/** The issues of an OperationOutcome body, or [] when the body is not one. */
export function outcomeIssues(body: unknown): OutcomeIssue[] {
  const outcome = body as OperationOutcomeLike | null;
  if (!outcome || outcome.resourceType !== "OperationOutcome" || !Array.isArray(outcome.issue))
    return [];
  const str = (v: unknown) => (typeof v === "string" ? v : "");
  return outcome.issue.map((issue) => ({
    severity: str(issue.severity),
    code: str(issue.code),
    text: str(issue.details?.text) || str(issue.diagnostics),
    expression: Array.isArray(issue.expression)
      ? issue.expression.filter((e): e is string => typeof e === "string")
      : [],
  }));
}

/** The human-readable texts of an OperationOutcome, or [] when the body is not one. */
export function outcomeDiagnostics(body: unknown): string[] {
  const outcome = body as OperationOutcomeLike | null;
  if (!outcome || outcome.resourceType !== "OperationOutcome" || !Array.isArray(outcome.issue))
    return [];
  return outcome.issue
    .map((issue) => {
      const text = typeof issue.details?.text === "string" ? issue.details.text : undefined;
      const diagnostics = typeof issue.diagnostics === "string" ? issue.diagnostics : undefined;
      return text ?? diagnostics ?? (typeof issue.code === "string" ? issue.code : "");
    })
    .filter((s) => s.length > 0);
}

/**
 * Turns an HTTP error answer from the FHIR server into a Failure.
 * `wwwAuthenticate` is the WWW-Authenticate header; `body` the parsed JSON body (if any).
 */
export function failureFromHttp(
  status: number,
  body: unknown,
  wwwAuthenticate: string | null,
): Failure {
  const diagnostics = outcomeDiagnostics(body);
  const issues = outcomeIssues(body);
  if (status === 401) return { kind: "session-expired" };
  if (status === 403) return { kind: "forbidden", diagnostics, issues };
  if (status === 412) return { kind: "conflict", diagnostics };
  if (diagnostics.length > 0) return { kind: "operation-outcome", status, diagnostics, issues };
  void wwwAuthenticate;
  return {
    kind: "operation-outcome",
    status,
    diagnostics: [`The server answered HTTP ${status}.`],
  };
}

/** Parses fhirclient's error text of a failed token request: "401 Unauthorized\nURL: …\ninvalid_client: description". */
export function tokenFailureFromMessage(message: string, status?: number): Failure {
  const lines = message.split("\n");
  const last = lines.length > 2 ? (lines[lines.length - 1] ?? "") : "";
  const match = /^([a-z_]+)(?::\s*(.*))?$/.exec(last.trim());
  const failure: Failure = { kind: "token-exchange" };
  if (status !== undefined) failure.status = status;
  if (match?.[1]) {
    failure.error = match[1];
    if (match[2]) failure.description = match[2];
  }
  return failure;
}
