import { useState } from "react";
import { useQuery, useQueryClient } from "@tanstack/react-query";
import { requireCapability, useChartSession } from "../../app/session";
import { can } from "../../domain/roles";
import { describeFailure } from "../../content/failures";
import { useStaffLanguage } from "../../ui/staffLanguage";
import { packFor } from "../../content/packs/index";
import type { StaffText } from "../../content/packs/types";
import { FailureError } from "../../fhir/failures";
import { queryKeys } from "../../fhir/queryKeys";
import { addSecurityLabels, fetchPatientHistory, withdrawConsent } from "../../fhir/referrals";
import type { ReferralHistory } from "../../domain/history";

const date = (iso: string | undefined) => (iso ? iso.slice(0, 10) : "");

/** The patient's earlier universal education and referrals, with the referral Task's status. */
export default function PatientHistory() {
  const session = useChartSession();
  const staffLang = useStaffLanguage();
  const t = packFor(staffLang).staff;
  const history = useQuery({
    queryKey: queryKeys.history(session.patient.id),
    queryFn: () => fetchPatientHistory(session.http, session.patient.id),
    staleTime: 0,
  });

  return (
    <section className="history" aria-labelledby="history-heading" data-testid="history">
      <h1 id="history-heading" className="guide-title">
        {t.historyHeading}
      </h1>
      {history.isPending && <p role="status">{t.historyLoading}</p>}
      {history.isError && (
        <p role="alert" className="error">
          {history.error instanceof FailureError
            ? describeFailure(history.error.failure, staffLang).message
            : t.partnersFailed}
        </p>
      )}
      {history.data && history.data.unreadable > 0 && (
        <p role="status" className="notice" data-testid="history-unreadable">
          {t.historyUnreadable(history.data.unreadable)}
        </p>
      )}
      {history.data && (
        <>
          <section aria-labelledby="history-referrals">
            <h2 id="history-referrals">{t.historyReferrals}</h2>
            {history.data.referrals.length === 0 ? (
              history.data.unreadable === 0 && <p>{t.historyEmpty}</p>
            ) : (
              <ul className="history-list" data-testid="history-referrals">
                {history.data.referrals.map((r) => (
                  <ReferralItem key={r.id} r={r} t={t} />
                ))}
              </ul>
            )}
          </section>
          <section aria-labelledby="history-education">
            <h2 id="history-education">{t.historyEducation}</h2>
            {history.data.education.length === 0 ? (
              history.data.unreadable === 0 && <p>{t.historyEmpty}</p>
            ) : (
              <ul className="history-list" data-testid="history-education">
                {history.data.education.map((e) => (
                  <li key={e.id} data-testid="history-education-item">
                    <strong>{date(e.date)}</strong>
                    {e.cards.length > 0 && (
                      <>
                        {" "}
                        · {t.cards}:{" "}
                        {e.cards.map((c) => `${c.type} (${c.language}) ×${c.count}`).join(", ")}
                      </>
                    )}
                  </li>
                ))}
              </ul>
            )}
          </section>
        </>
      )}
    </section>
  );
}

function ReferralItem({ r, t }: { r: ReferralHistory; t: StaffText }) {
  const session = useChartSession();
  const queryClient = useQueryClient();
  const staffLang = useStaffLanguage();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [labelling, setLabelling] = useState(false);
  const [labelError, setLabelError] = useState<string | null>(null);
  const taskStatus = r.task?.status ?? r.status ?? "";
  const business = r.task?.businessStatus;
  const reason = r.task?.reasonText ?? r.task?.statusReason;

  /** One transaction, If-Match on each record: every record gets the labels, or none. */
  async function addLabels() {
    if (!r.unlabelled?.length) return;
    setLabelling(true);
    setLabelError(null);
    try {
      await addSecurityLabels(session.http, r.unlabelled, session.clinic.labelPolicy);
      await queryClient.invalidateQueries({ queryKey: queryKeys.history(session.patient.id) });
    } catch (e) {
      setLabelError(
        e instanceof FailureError
          ? `${t.addLabelsFailed} (${describeFailure(e.failure, staffLang).message})`
          : t.addLabelsFailed,
      );
    } finally {
      setLabelling(false);
    }
  }

  async function withdraw() {
    if (!r.consent) return;
    setBusy(true);
    setError(null);
    try {
      requireCapability(session, "withdraw-consent");
      await withdrawConsent(session.http, r.consent.id, new Date(), {
        reference: session.user.reference,
        ...(session.user.name ? { display: session.user.name } : {}),
      });
      setConfirming(false);
      await queryClient.invalidateQueries({ queryKey: queryKeys.history(session.patient.id) });
    } catch (e) {
      if (e instanceof FailureError && e.failure.kind === "conflict") {
        // Lost a race: show what the server holds now, and say so.
        setConfirming(false);
        setError(t.withdrawRaced);
        await queryClient.invalidateQueries({ queryKey: queryKeys.history(session.patient.id) });
        return;
      }
      setError(
        e instanceof FailureError
          ? describeFailure(e.failure, staffLang).message
          : t.partnersFailed,
      );
    } finally {
      setBusy(false);
    }
  }

  return (
    <li
      data-testid="history-referral"
      data-task-status={r.task?.status}
      data-consent-status={r.consent?.status}
      data-business-status={business}
      data-unlabelled={r.unlabelled?.length ? "true" : undefined}
    >
      {r.unlabelled?.length ? (
        <div className="warning" role="alert" data-testid="history-unlabelled">
          <p>{t.unlabelledWarning}</p>
          <button type="button" onClick={() => void addLabels()} disabled={labelling}>
            {labelling ? t.addingLabels : t.addLabels}
          </button>
          {labelError && <p className="error">{labelError}</p>}
        </div>
      ) : null}
      <strong>{date(r.authoredOn)}</strong> · {r.partner}
      {r.services.length > 0 && <> · {r.services.map((s) => t.services[s] ?? s).join(", ")}</>}
      {r.handoff && <> · {t.handoff[r.handoff as keyof typeof t.handoff] ?? r.handoff}</>}
      <br />
      <span>
        {t.taskStatus}: {t.taskStates[taskStatus] ?? taskStatus}
        {business && t.businessStates[business] ? ` (${t.businessStates[business]})` : ""}
        {reason ? ` — ${reason}` : ""}
      </span>
      {r.noContact && <span> · {t.noContactAtAll}</span>}
      {r.task?.outputs?.length ? (
        <span data-testid="history-outputs">
          {" "}
          · {t.taskOutputs}: {r.task.outputs.join("; ")}
        </span>
      ) : null}
      {r.task?.followUpDue && (
        <span>
          {" "}
          · {t.followUpBy} {date(r.task.followUpDue)}
        </span>
      )}
      {r.consent?.status && (
        <span>
          {" "}
          · {t.consentStatus}: {t.consentStates[r.consent.status] ?? r.consent.status}
          {r.consent.status === "active" && r.consent.end ? ` (${date(r.consent.end)})` : ""}
        </span>
      )}
      {r.consent?.status === "active" && can(session.access, "withdraw-consent") && (
        <div className="actions">
          {!confirming ? (
            <button type="button" onClick={() => setConfirming(true)}>
              {t.withdrawConsent}
            </button>
          ) : (
            <>
              <p role="status">{t.withdrawConfirm(r.partner ?? "")}</p>
              <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
                {t.withdrawNo}
              </button>
              <button
                type="button"
                className="primary"
                onClick={() => void withdraw()}
                disabled={busy}
              >
                {busy ? t.withdrawing : t.withdrawYes}
              </button>
            </>
          )}
        </div>
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </li>
  );
}
