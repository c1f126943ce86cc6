// OperationOutcome helpers. Medplum encodes the HTTP status of an outcome in its `id`
// ("not-found" → 404 …, read by getStatus); we add the few statuses it lacks the same way, so
// an outcome thrown deep inside the router or a transaction keeps its status.

import { getStatus, OperationOutcomeError } from "@medplum/core";
import type { OperationOutcome, OperationOutcomeIssue } from "@medplum/fhirtypes";

type IssueCode = OperationOutcomeIssue["code"];

const EXTRA_STATUS: Record<string, number> = {
  "method-not-allowed": 405,
  "unsupported-media-type": 415,
  unprocessable: 422,
  "service-unavailable": 503,
  "server-error": 500,
};

const STATUS_ID: Record<number, string> = {
  400: "bad-request",
  401: "unauthorized",
  403: "forbidden",
  404: "not-found",
  405: "method-not-allowed",
  409: "conflict",
  412: "precondition-failed",
  415: "unsupported-media-type",
  422: "unprocessable",
  500: "server-error",
  503: "service-unavailable",
};

export function statusOf(outcome: OperationOutcome): number {
  return (outcome.id && EXTRA_STATUS[outcome.id]) || getStatus(outcome);
}

/** An error outcome with one issue per message. */
export function outcome(
  status: number,
  code: IssueCode,
  messages: string | string[],
): OperationOutcome {
  const list = Array.isArray(messages) ? messages : [messages];
  return {
    resourceType: "OperationOutcome",
    id: STATUS_ID[status] ?? (status >= 500 ? "server-error" : "bad-request"),
    issue: list.map((m) => ({ severity: "error", code, diagnostics: m, details: { text: m } })),
  };
}

/** Throw-able form, understood by the Medplum router (it returns `err.outcome`). */
export function fail(
  status: number,
  code: IssueCode,
  messages: string | string[],
): OperationOutcomeError {
  return new OperationOutcomeError(outcome(status, code, messages));
}

/** Medplum's outcomes put text in `details.text`; clients usually read `diagnostics`. Fill it in. */
export function withDiagnostics(o: OperationOutcome): OperationOutcome {
  return {
    ...o,
    issue: (o.issue ?? []).map((i) =>
      i.diagnostics || !i.details?.text ? i : { ...i, diagnostics: i.details.text },
    ),
  };
}
