import { useId, useState } from "react";
import { sameBirthDate, type ReferralBack } from "../../domain/incomingReferral";
import { failureOf } from "../../fhir/failures";
import { FailureAlert } from "../../ui/FailureAlert";
import { useText } from "../../ui/staffLanguage";
import type { BackStep } from "./api/backStep";
import { usePatientMatch, type MatchQuery } from "./api/patientMatch";
import { INCOMING_TEXT } from "./strings";

// Find the referred client among the EHR's patients (name and birth date, filled in from the
// referral), pick the one, or note that registration is needed.

const FIELDS = ["family", "given", "birthDate"] as const;

export function FindPatient({
  r,
  busy,
  onStep,
}: {
  r: ReferralBack;
  busy: boolean;
  onStep: (s: BackStep) => void;
}) {
  const t = useText(INCOMING_TEXT);
  const id = useId();
  const [form, setForm] = useState<MatchQuery>({
    family: r.client?.familyName ?? "",
    given: r.client?.givenName ?? "",
    birthDate: r.client?.birthDate ?? "",
  });
  const [query, setQuery] = useState<MatchQuery | null>(null);
  const [needSearch, setNeedSearch] = useState(false);
  const found = usePatientMatch(r.taskId, query);
  const candidates = found.data ?? [];
  const sameDob = new Set(sameBirthDate(candidates, query?.birthDate).map((c) => c.id));
  const label = { family: t.family, given: t.given, birthDate: t.birthDate };
  return (
    <section className="find-patient" aria-labelledby={id} data-testid="find-patient">
      <h3 id={id}>{t.findHeading}</h3>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          if (!form.family.trim() && !form.birthDate.trim()) {
            setNeedSearch(true);
            return;
          }
          setNeedSearch(false);
          setQuery(form);
        }}
      >
        {FIELDS.map((f) => (
          <span key={f}>
            <label>
              {label[f]}{" "}
              <input
                type={f === "birthDate" ? "date" : "text"}
                autoComplete="off"
                value={form[f]}
                onChange={(e) => setForm((q) => ({ ...q, [f]: e.target.value }))}
              />
            </label>{" "}
          </span>
        ))}
        <button type="submit" disabled={found.isFetching} data-testid="find-patient-search">
          {found.isFetching ? t.searching : t.search}
        </button>
      </form>
      {needSearch && (
        <p role="alert" className="error">
          {t.needSearch}
        </p>
      )}
      {found.isError && (
        <FailureAlert
          failure={failureOf(found.error)}
          what={t.loadFailed}
          onRetry={() => void found.refetch()}
          testId="find-patient-failure"
        />
      )}
      {query && found.data && candidates.length === 0 && (
        <p role="status" data-testid="find-patient-none">
          {t.noneFound}
        </p>
      )}
      {candidates.length > 0 && (
        <ul data-testid="find-patient-results">
          {candidates.map((c) => (
            <li key={c.id}>
              <button
                type="button"
                disabled={busy}
                onClick={() => onStep({ kind: "match", patientId: c.id })}
              >
                {t.thisIsThePatient(`${c.name}, ${c.birthDate ?? "—"}`)}
              </button>
              {query?.birthDate && !sameDob.has(c.id) && <> ({t.otherBirthDate})</>}
            </li>
          ))}
        </ul>
      )}
      {!r.registrationNeeded && (
        <button
          type="button"
          disabled={busy}
          onClick={() => onStep({ kind: "registration-needed" })}
          data-testid="registration-needed"
        >
          {t.notInEhr}
        </button>
      )}
    </section>
  );
}
