import { useCallback, useEffect, useId, useState } from "react";
import * as z from "zod/mini";
import { useSession } from "../../app/session";
import { pickUiLanguage } from "../../content/lang";
import { FailureError } from "../../fhir/failures";
import type { FhirHttp } from "../../fhir/http";
import { isAllowed } from "../../fhir/scopes";
import {
  capabilityChecks,
  isSandboxServer,
  scopeChecks,
  smartChecks,
  type CheckStatus,
  type DiagnosticCheck,
} from "./checks";
import { DIAGNOSTICS_TEXT, type DiagnosticsStrings } from "./strings";

// IT diagnostics: can this FHIR server run the app? Reads the SMART configuration and the
// CapabilityStatement, compares them with the app's requirements (fhir-profiles), compares
// granted with needed scopes, and — only against the sandbox, or when IT switches it on for a
// test server — writes one harmless resource and reads it back.

const anyJson = z.unknown();
const resourceSchema = z.looseObject({ resourceType: z.string(), id: z.optional(z.string()) });

async function fetchSmartConfiguration(serverUrl: string): Promise<unknown> {
  try {
    const r = await fetch(`${serverUrl}/.well-known/smart-configuration`, {
      headers: { Accept: "application/json" },
      cache: "no-store",
    });
    return r.ok ? ((await r.json()) as unknown) : undefined;
  } catch {
    return undefined;
  }
}

async function runChecks(
  http: FhirHttp,
  granted: readonly string[],
): Promise<{ checks: DiagnosticCheck[]; sandbox: boolean }> {
  const [smart, metadata, requirements, capability] = await Promise.all([
    fetchSmartConfiguration(http.serverUrl),
    http.request(anyJson, "metadata").then(
      (r) => r.body,
      () => undefined,
    ),
    import("../../fhir/ehrRequirements").then((m) => m.EHR_REQUIREMENTS),
    import("../../fhir/capability"),
  ]);
  const checks = [
    ...smartChecks(smart),
    ...capabilityChecks(capability.compareCapabilities(metadata, requirements)),
    ...scopeChecks(granted),
  ];
  return { checks, sandbox: isSandboxServer(metadata) };
}

/** Write one harmless test resource, read it back, compare. */
async function roundTrip(http: FhirHttp, granted: readonly string[]): Promise<DiagnosticCheck> {
  const marker = `wr-diagnostics-${Date.now().toString(36)}`;
  const base = {
    id: "roundtrip",
    group: "roundtrip" as const,
    label: "Write-and-read round trip",
  };
  // The harmless write: a test Endpoint (status "test", linked to nothing). Clinical record
  // types are never used for a test write.
  if (
    !isAllowed(granted, "Endpoint", "c", ["user"]) ||
    !isAllowed(granted, "Endpoint", "r", ["user"])
  ) {
    return {
      ...base,
      status: "skipped",
      detail: "This launch may not create Endpoint resources, the only thing the check writes.",
      fix: "Run it from a clinic-admin launch (in the sandbox: user admin-okafor).",
    };
  }
  const resource = {
    resourceType: "Endpoint",
    status: "test",
    name: marker,
    connectionType: {
      system: "http://terminology.hl7.org/CodeSystem/endpoint-connection-type",
      code: "hl7-fhir-rest",
    },
    payloadType: [{ text: "diagnostics" }],
    address: "https://example.org/fhir",
  };
  try {
    const created = await http.request(resourceSchema, resource.resourceType, {
      method: "POST",
      body: resource,
    });
    const id = created.body.id;
    if (!id) throw new Error("The server did not return the new resource's id.");
    const read = await http.request(anyJson, `${resource.resourceType}/${id}`);
    const ok = JSON.stringify(read.body).includes(marker);
    return {
      ...base,
      status: ok ? "pass" : "fail",
      detail: ok
        ? `Created ${resource.resourceType}/${id} (ETag ${created.etag ?? "none"}) and read it back.`
        : "The resource read back does not match what was written.",
      fix: "Check that the server stores resources as sent (no silent changes) and returns Location/ETag.",
    };
  } catch (error) {
    const message =
      error instanceof FailureError
        ? `${error.failure.kind}${"diagnostics" in error.failure ? `: ${error.failure.diagnostics.join("; ")}` : ""}`
        : error instanceof Error
          ? error.message
          : String(error);
    return {
      ...base,
      status: "fail",
      detail: message,
      fix: "Check create and read on the server for this user's scopes; see the server's message.",
    };
  }
}

export default function Diagnostics() {
  const session = useSession();
  const t = DIAGNOSTICS_TEXT[pickUiLanguage()];
  const id = useId();
  const [result, setResult] = useState<
    { checks: DiagnosticCheck[]; sandbox: boolean } | "running" | { error: string }
  >("running");
  const [allowWrite, setAllowWrite] = useState(false);
  const [trip, setTrip] = useState<DiagnosticCheck | "running" | null>(null);

  const run = useCallback(() => {
    setResult("running");
    setTrip(null);
    runChecks(session.http, session.grantedScopes).then(setResult, (e: unknown) =>
      setResult({ error: e instanceof Error ? e.message : String(e) }),
    );
  }, [session]);

  useEffect(() => {
    let cancelled = false;
    runChecks(session.http, session.grantedScopes).then(
      (r) => !cancelled && setResult(r),
      (e: unknown) =>
        !cancelled && setResult({ error: e instanceof Error ? e.message : String(e) }),
    );
    return () => {
      cancelled = true;
    };
  }, [session]);

  const runTrip = async () => {
    setTrip("running");
    setTrip(await roundTrip(session.http, session.grantedScopes));
  };

  const done = typeof result === "object" && "checks" in result ? result : null;
  const writeAllowed = done !== null && (done.sandbox || allowWrite);
  const all = done ? [...done.checks, ...(trip && trip !== "running" ? [trip] : [])] : [];
  const failed = all.filter((c) => c.status === "fail").length;

  return (
    <section aria-labelledby={`${id}-title`} className="diagnostics">
      <h1 id={`${id}-title`}>{t.title}</h1>
      <p>{t.intro}</p>
      <p>
        {t.server}: <code>{session.http.serverUrl}</code>
      </p>
      <p>
        <button type="button" onClick={run} disabled={result === "running"}>
          {t.runAgain}
        </button>
      </p>
      {result === "running" && <p role="status">{t.running}</p>}
      {typeof result === "object" && "error" in result && <p role="alert">{result.error}</p>}
      {done && (
        <>
          <p role="status" data-testid="diagnostics-summary" data-failed={failed}>
            {failed === 0 ? t.allPass : t.someFail(failed)}
          </p>
          {(["smart", "capability", "scopes"] as const).map((group) => (
            <CheckTable
              key={group}
              caption={t.groups[group]}
              checks={done.checks.filter((c) => c.group === group)}
              t={t}
            />
          ))}
          <h2>{t.groups.roundtrip}</h2>
          <p>{done.sandbox ? t.sandboxDetected : t.notSandbox}</p>
          {!done.sandbox && (
            <p className="check">
              <input
                id={`${id}-allow`}
                type="checkbox"
                checked={allowWrite}
                onChange={(e) => setAllowWrite(e.target.checked)}
              />
              <label htmlFor={`${id}-allow`}>{t.allowWrite}</label>
            </p>
          )}
          <p>
            <button
              type="button"
              disabled={!writeAllowed || trip === "running"}
              onClick={() => void runTrip()}
            >
              {t.runRoundTrip}
            </button>
          </p>
          {trip && trip !== "running" && (
            <CheckTable caption={t.groups.roundtrip} checks={[trip]} t={t} />
          )}
          {trip === "running" && <p role="status">{t.running}</p>}
        </>
      )}
    </section>
  );
}

function CheckTable({
  caption,
  checks,
  t,
}: {
  caption: string;
  checks: DiagnosticCheck[];
  t: DiagnosticsStrings;
}) {
  const label: Record<CheckStatus, string> = t.status;
  return (
    <table>
      <caption>{caption}</caption>
      <thead>
        <tr>
          <th scope="col">{t.check}</th>
          <th scope="col">{t.result}</th>
          <th scope="col">{t.detailAndFix}</th>
        </tr>
      </thead>
      <tbody>
        {checks.map((c) => (
          <tr key={c.id} data-check={c.id} data-status={c.status}>
            <th scope="row">{c.label}</th>
            <td
              className={`status-${c.status === "pass" ? "pass" : c.status === "fail" ? "fail" : "skip"}`}
            >
              {label[c.status]}
            </td>
            <td>
              {c.detail}
              {c.status !== "pass" && c.fix && (
                <>
                  <br />
                  <strong>{t.fix}</strong> {c.fix}
                </>
              )}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
