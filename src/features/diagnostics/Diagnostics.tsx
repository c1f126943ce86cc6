import { useId, useState } from "react";
import { useSession } from "../../app/session";
import { useText } from "../../ui/staffLanguage";
import { useRoundTrip, useServerChecks } from "./api/serverChecks";
import type { CheckStatus, DiagnosticCheck } from "./checks";
import { DIAGNOSTICS_TEXT } from "./strings";

// IT diagnostics: can this FHIR server run the app? Reads the SMART configuration and the
// CapabilityStatement, compares them with the app's requirements (fhir-profiles), compares
// granted with needed scopes, and — only against the sandbox, or when IT switches it on for a
// test server — writes one harmless resource and reads it back.

export default function Diagnostics() {
  const session = useSession();
  const t = useText(DIAGNOSTICS_TEXT);
  const id = useId();
  const checks = useServerChecks();
  const roundTrip = useRoundTrip();
  const [allowWrite, setAllowWrite] = useState(false);
  const trip: DiagnosticCheck | "running" | null = roundTrip.isPending
    ? "running"
    : (roundTrip.data ?? null);
  const running = checks.isFetching;

  const run = () => {
    roundTrip.reset();
    void checks.refetch();
  };

  const done = !running && checks.data ? checks.data : null;
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
        <button type="button" onClick={run} disabled={running}>
          {t.runAgain}
        </button>
      </p>
      {running && <p role="status">{t.running}</p>}
      {!running && checks.isError && (
        <p role="alert">
          {checks.error instanceof Error ? checks.error.message : String(checks.error)}
        </p>
      )}
      {done && (
        <>
          <p role="status" data-testid="diagnostics-summary" data-failed={failed}>
            {failed === 0 ? t.allPass : t.someFail(failed)}
          </p>
          {(
            ["smart", "capability", session.partnerOrganization ? "partner" : "scopes"] as const
          ).map((group) => (
            <CheckTable
              key={group}
              caption={t.groups[group]}
              checks={done.checks.filter((c) => c.group === group)}
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
              onClick={() => roundTrip.mutate()}
            >
              {t.runRoundTrip}
            </button>
          </p>
          {trip && trip !== "running" && (
            <CheckTable caption={t.groups.roundtrip} checks={[trip]} />
          )}
          {trip === "running" && <p role="status">{t.running}</p>}
        </>
      )}
    </section>
  );
}

function CheckTable({ caption, checks }: { caption: string; checks: DiagnosticCheck[] }) {
  const t = useText(DIAGNOSTICS_TEXT);
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
