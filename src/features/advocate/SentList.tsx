import { useId } from "react";
import { backStatusText, REFERRAL_BACK_WORDS } from "../../content/referralBack";
import { sortSent } from "../../domain/incomingReferral";
import { Name } from "../../ui/Bidi";
import { ListState } from "../../ui/ListState";
import { useText } from "../../ui/staffLanguage";
import { useSentReferrals } from "./api/referBack";
import { REFER_BACK_TEXT } from "./referBackStrings";

// The referrals back the program sent, with each step the clinic took.

export function SentList() {
  const t = useText(REFER_BACK_TEXT);
  const w = useText(REFERRAL_BACK_WORDS);
  const sent = useSentReferrals();
  const headingId = useId();
  const list = sortSent(sent.data?.referrals ?? []);
  return (
    <section aria-labelledby={headingId} data-testid="sent-referrals">
      <h2 id={headingId}>{t.sentTitle}</h2>
      <button
        type="button"
        onClick={() => void sent.refetch()}
        disabled={sent.isFetching}
        data-testid="sent-check"
      >
        {t.check}
      </button>
      {sent.isPending && <p role="status">{t.sentLoading}</p>}
      <ListState
        query={sent}
        shown={list.length}
        unreadable={sent.data?.unreadable ?? 0}
        what={t.sentFailed}
        empty={t.sentEmpty}
        testId="sent"
      />
      <ul className="inbox-list">
        {list.map((r) => (
          <li key={r.taskId} data-testid="sent-referral" data-status={r.status}>
            <strong>
              {r.client ? (
                <Name>
                  {[r.client.givenName, r.client.familyName?.slice(0, 1)].filter(Boolean).join(" ")}
                </Name>
              ) : (
                t.matchedClient
              )}
            </strong>
            {" — "}
            {r.reason ? (w.reason[r.reason] ?? r.reason) : ""}, {w.urgency[r.priority]}
            <br />
            {t.status}:{" "}
            <span data-testid="sent-status">
              {backStatusText(w, r.status, r.businessStatus)}
              {r.statusReason?.code
                ? ` (${w.declineReason[r.statusReason.code] ?? r.statusReason.code})`
                : ""}
            </span>
            {r.lastChangedBy && <> · {t.lastChange(r.lastChangedBy)}</>}
            {r.authoredOn && (
              <>
                {" "}
                · {t.sentOn} {r.authoredOn.slice(0, 10)}
              </>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
