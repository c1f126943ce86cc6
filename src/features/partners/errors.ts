import * as z from "zod/mini";
import { describeFailure } from "../../content/failures";
import type { UiLanguage } from "../../content/lang";
import { FailureError } from "../../fhir/failures";
import type { FhirHttp } from "../../fhir/http";
import type { TransactionJson } from "./form";

/** One line for an error: the failure screen's title, message and server details. */
export function describeError(error: unknown, lang: UiLanguage): string {
  if (error instanceof FailureError) {
    const text = describeFailure(error.failure, lang);
    return [text.title, text.message, ...text.details].join(" ");
  }
  return error instanceof Error ? error.message : String(error);
}

/** Diagnostics of a failed request (for per-entry messages), or [] when there are none. */
export function diagnosticsOf(error: unknown): string[] {
  if (error instanceof FailureError) {
    const f = error.failure;
    if (f.kind === "operation-outcome" || f.kind === "forbidden") return f.diagnostics;
  }
  return [];
}

export function isConflict(error: unknown): boolean {
  return (
    error instanceof FailureError &&
    error.failure.kind === "operation-outcome" &&
    error.failure.status === 412
  );
}

const transactionResponse = z.looseObject({
  resourceType: z.literal("Bundle"),
  entry: z.optional(
    z.array(
      z.looseObject({
        response: z.optional(
          z.looseObject({ status: z.optional(z.string()), location: z.optional(z.string()) }),
        ),
      }),
    ),
  ),
});

/** POSTs one transaction Bundle to the server's base; returns the response locations. */
export async function sendTransaction(http: FhirHttp, bundle: TransactionJson): Promise<string[]> {
  const { body } = await http.request(transactionResponse, "", { method: "POST", body: bundle });
  return (body.entry ?? []).map((e) => e.response?.location ?? "");
}
