import { useId, useState } from "react";
import { useSession } from "../../app/session";
import type { PartnerRecord } from "../../fhir/partners";
import { planImport, type ImportResult } from "./bundleIo";
import { useStaffLanguage, useText } from "../../ui/staffLanguage";
import { useImportPartners } from "./api/partnerWrites";
import { describeError, issuesOf } from "./errors";
import { PARTNER_TEXT } from "./strings";

// Import a partner Bundle: every entry checked in the browser first (structure mirroring the
// profiles), a preview of adds and changes, then one transaction (all or nothing). The server
// validates too; its refusal names the entry.

export function ImportPanel({
  records,
  onCancel,
  onImported,
}: {
  records: PartnerRecord[];
  onCancel: () => void;
  onImported: (count: number) => void | Promise<void>;
}) {
  const t = useText(PARTNER_TEXT);
  const session = useSession();
  const lang = useStaffLanguage();
  const id = useId();
  const [plan, setPlan] = useState<ImportResult | null>(null);
  const [fileProblem, setFileProblem] = useState<string | null>(null);
  const [serverProblem, setServerProblem] = useState<string[] | null>(null);
  const importPartners = useImportPartners();
  const busy = importPartners.isPending;

  const read = async (file: File | undefined) => {
    setPlan(null);
    setFileProblem(null);
    setServerProblem(null);
    if (!file) return;
    let json: unknown;
    try {
      json = JSON.parse(await file.text());
    } catch {
      setFileProblem(t.importNotJson);
      return;
    }
    setPlan(planImport(json, records, session.clinic.clinicOrganization));
  };

  const run = async () => {
    if (!plan?.ok || !plan.transaction) return;
    try {
      await importPartners.mutateAsync(plan.transaction);
      await onImported(plan.preview.filter((p) => p.action !== "unchanged").length);
    } catch (e) {
      const issues = issuesOf(e);
      const entries = plan.transaction.entry;
      // An issue's expression "Bundle.entry[3].resource.name" names the partner resource it was.
      setServerProblem(
        issues.length
          ? issues.map((issue) => {
              const index = entryIndex(issue.expression);
              const resource = index !== undefined ? entries[index]?.resource : undefined;
              const name = typeof resource?.name === "string" ? ` "${resource.name}"` : "";
              return resource ? `${resource.resourceType}${name}: ${issue.text}` : issue.text;
            })
          : [describeError(e, lang)],
      );
    }
  };

  const label = { add: t.previewAdd, change: t.previewChange, unchanged: t.previewUnchanged };
  const toWrite = plan?.ok ? plan.preview.filter((p) => p.action !== "unchanged").length : 0;

  return (
    <section aria-labelledby={`${id}-title`} className="import-panel">
      <p>
        <button type="button" className="link" onClick={onCancel}>
          {t.back}
        </button>
      </p>
      <h1 id={`${id}-title`}>{t.importTitle}</h1>
      <p>{t.importIntro}</p>
      <p className="field">
        <label htmlFor={`${id}-file`}>{t.importFile}</label>
        <input
          id={`${id}-file`}
          type="file"
          accept=".json,application/json,application/fhir+json"
          onChange={(e) => void read(e.target.files?.[0])}
        />
      </p>
      {fileProblem && <p role="alert">{fileProblem}</p>}
      {plan && !plan.ok && (
        <div role="alert" data-testid="import-refused">
          <p>
            <strong>{t.importRefused}</strong>
          </p>
          {plan.bundleProblem && <p>{plan.bundleProblem}</p>}
          <ul>
            {plan.entries.map((entry) => (
              <li key={entry.index} data-entry-index={entry.index}>
                {t.entryLabel(entry.index, entry.label)}
                <ul>
                  {entry.problems.map((problem, i) => (
                    <li key={i}>{problem}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
        </div>
      )}
      {plan?.ok && (
        <div data-testid="import-preview">
          <h2>{t.previewTitle}</h2>
          <table>
            <thead>
              <tr>
                <th scope="col">{t.name}</th>
                <th scope="col">{t.previewTitle}</th>
              </tr>
            </thead>
            <tbody>
              {plan.preview.map((item, i) => (
                <tr key={i}>
                  <td>{item.name}</td>
                  <td>
                    {label[item.action]}
                    {item.changes.length > 0 && `: ${item.changes.join(", ")}`}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
          {serverProblem && (
            <div role="alert">
              <p>
                <strong>{t.importServerRefused}</strong>
              </p>
              <ul>
                {serverProblem.map((d, i) => (
                  <li key={i}>{d}</li>
                ))}
              </ul>
            </div>
          )}
          {toWrite === 0 ? (
            <p>{t.importNothing}</p>
          ) : (
            <button type="button" disabled={busy} onClick={() => void run()}>
              {t.importConfirm(toWrite)}
            </button>
          )}
        </div>
      )}
    </section>
  );
}

/** The transaction entry an issue is about: its expression starts "Bundle.entry[<n>]". */
function entryIndex(expression: readonly string[]): number | undefined {
  for (const e of expression) {
    const match = /^Bundle\.entry\[(\d+)\]/.exec(e);
    if (match) return Number(match[1]);
  }
  return undefined;
}
