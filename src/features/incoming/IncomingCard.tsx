import { useId } from "react";
import { languageName } from "../../content/packs/index";
import { backStatusText, REFERRAL_BACK_WORDS } from "../../content/referralBack";
import type { ReferralBack } from "../../domain/incomingReferral";
import { Name } from "../../ui/Bidi";
import { SafeContactInstructions } from "../../ui/SafeContactInstructions";
import { useStaffLanguage, useText } from "../../ui/staffLanguage";
import { IncomingActions } from "./IncomingActions";
import { INCOMING_TEXT } from "./strings";

// One referral back: why and how soon, from which program, the client (until matched), the
// safe-contact instructions, the status and the steps the clinic may take.

export function IncomingCard({ r }: { r: ReferralBack }) {
  const t = useText(INCOMING_TEXT);
  const lang = useStaffLanguage();
  const w = useText(REFERRAL_BACK_WORDS);
  const headingId = useId();
  const reason = r.reason ? (w.reason[r.reason] ?? r.reason) : "";
  return (
    <article
      className={`inbox-referral priority-${r.priority}`}
      aria-labelledby={headingId}
      data-testid="incoming-referral"
      data-task-id={r.taskId}
      data-status={r.status}
      data-consent={r.consent}
    >
      <h2 id={headingId}>
        {reason}
        {r.reasonText ? `: ${r.reasonText}` : ""} — {w.urgency[r.priority]}
      </h2>
      <dl className="inbox-details">
        <dt>{t.from}</dt>
        <dd>{r.requesterName ? <Name>{r.requesterName}</Name> : t.partnerProgram}</dd>
        {r.authoredOn && (
          <>
            <dt>{t.received}</dt>
            <dd>{r.authoredOn.slice(0, 10)}</dd>
          </>
        )}
        {r.client && (
          <>
            <dt>{t.client}</dt>
            <dd data-testid="incoming-client">
              <Name>{[r.client.givenName, r.client.familyName].filter(Boolean).join(" ")}</Name>
            </dd>
            {r.client.birthDate && (
              <>
                <dt>{t.birthDate}</dt>
                <dd>{r.client.birthDate}</dd>
              </>
            )}
            {r.client.language && (
              <>
                <dt>{t.language}</dt>
                <dd>{languageName(r.client.language, lang)}</dd>
              </>
            )}
          </>
        )}
      </dl>
      {r.consent !== "active" && (
        <p className="consent-ended" data-testid="incoming-consent-ended">
          {t.consentEnded}
        </p>
      )}
      {r.safeContact && (
        <SafeContactInstructions
          contact={r.safeContact}
          text={INCOMING_TEXT}
          testId="incoming-safe-contact"
        />
      )}
      <p>
        {t.status}:{" "}
        <span data-testid="incoming-status">{backStatusText(w, r.status, r.businessStatus)}</span>
        {r.statusReason?.code &&
          ` (${w.declineReason[r.statusReason.code] ?? r.statusReason.code})`}
        {r.matchedPatient && <span data-testid="incoming-matched"> · {t.matched}</span>}
        {r.registrationNeeded && (
          <span data-testid="incoming-registration"> · {t.registrationNeeded}</span>
        )}
        {r.lastChangedBy && <> · {t.lastChange(r.lastChangedBy)}</>}
      </p>
      <IncomingActions r={r} />
    </article>
  );
}
