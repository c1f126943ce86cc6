import { STAFF_TEXT } from "../../content/packs/index";
import { useState } from "react";
import { useChartSession } from "../../app/session";
import { can } from "../../domain/roles";
import { describeFailure } from "../../content/failures";
import { useStaffLanguage, useText } from "../../ui/staffLanguage";
import { FailureError } from "../../fhir/failures";
import type { ReferralHistory } from "../../domain/history";
import { useAddSecurityLabels, useWithdrawConsent } from "./api/history";

export const isoDay = (iso: string | undefined) => (iso ? iso.slice(0, 10) : "");

/** One referral of the history: its status, outputs, follow-up and consent, and what can be done. */
export function HistoryReferral({ r }: { r: ReferralHistory }) {
  const t = useText(STAFF_TEXT);
  const session = useChartSession();
  // Kept here, not in the withdraw controls: after a lost race the consent is no longer active
  // and the controls go, but the message stays.
  const [error, setError] = useState<string | null>(null);
  const taskStatus = r.task?.status ?? r.status ?? "";
  const business = r.task?.businessStatus;
  const reason = r.task?.reasonText ?? r.task?.statusReason;

  return (
    <li
      data-testid="history-referral"
      data-task-status={r.task?.status}
      data-consent-status={r.consent?.status}
      data-business-status={business}
      data-unlabelled={r.unlabelled?.length ? "true" : undefined}
    >
      {r.unlabelled?.length ? <UnlabelledWarning references={r.unlabelled} /> : null}
      <strong>{isoDay(r.authoredOn)}</strong> · {r.partner}
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
          · {t.followUpBy} {isoDay(r.task.followUpDue)}
        </span>
      )}
      {r.consent?.status && (
        <span>
          {" "}
          · {t.consentStatus}: {t.consentStates[r.consent.status] ?? r.consent.status}
          {r.consent.status === "active" && r.consent.end ? ` (${isoDay(r.consent.end)})` : ""}
        </span>
      )}
      {r.consent?.status === "active" && can(session.access, "withdraw-consent") && (
        <WithdrawConsent consentId={r.consent.id} partner={r.partner ?? ""} onError={setError} />
      )}
      {error && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
    </li>
  );
}

/** One transaction, If-Match on each record: every record gets the labels, or none. */
function UnlabelledWarning({ references }: { references: string[] }) {
  const t = useText(STAFF_TEXT);
  const staffLang = useStaffLanguage();
  const label = useAddSecurityLabels();
  const error = label.error;
  return (
    <div className="warning" role="alert" data-testid="history-unlabelled">
      <p>{t.unlabelledWarning}</p>
      <button type="button" onClick={() => label.mutate(references)} disabled={label.isPending}>
        {label.isPending ? t.addingLabels : t.addLabels}
      </button>
      {error && (
        <p className="error">
          {error instanceof FailureError
            ? `${t.addLabelsFailed} (${describeFailure(error.failure, staffLang).message})`
            : t.addLabelsFailed}
        </p>
      )}
    </div>
  );
}

/** Withdraw, after a confirmation; a lost race says so and shows what the server holds. */
function WithdrawConsent({
  consentId,
  partner,
  onError: setError,
}: {
  consentId: string;
  partner: string;
  onError: (message: string | null) => void;
}) {
  const t = useText(STAFF_TEXT);
  const staffLang = useStaffLanguage();
  const withdraw = useWithdrawConsent();
  const [confirming, setConfirming] = useState(false);
  const busy = withdraw.isPending;

  async function confirm() {
    setError(null);
    try {
      await withdraw.mutateAsync(consentId);
      setConfirming(false);
    } catch (e) {
      if (e instanceof FailureError && e.failure.kind === "conflict") {
        // Lost a race: the history is read again (api/history.ts); say so.
        setConfirming(false);
        setError(t.withdrawRaced);
        return;
      }
      setError(
        e instanceof FailureError
          ? describeFailure(e.failure, staffLang).message
          : t.partnersFailed,
      );
    }
  }

  return (
    <div className="actions">
      {!confirming ? (
        <button type="button" onClick={() => setConfirming(true)}>
          {t.withdrawConsent}
        </button>
      ) : (
        <>
          <p role="status">{t.withdrawConfirm(partner)}</p>
          <button type="button" onClick={() => setConfirming(false)} disabled={busy}>
            {t.withdrawNo}
          </button>
          <button type="button" className="primary" onClick={() => void confirm()} disabled={busy}>
            {busy ? t.withdrawing : t.withdrawYes}
          </button>
        </>
      )}
    </div>
  );
}
