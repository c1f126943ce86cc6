import { signInAgainThen, useChartSession } from "../../app/session";
import { useText } from "../../ui/staffLanguage";
import { STAFF_TEXT } from "../../content/packs/index";
import { QueryError } from "../../ui/QueryError";
import { usePatientHistory } from "./api/history";
import { HistoryReferral, isoDay } from "./HistoryReferral";

/** The patient's earlier universal education and referrals, with the referral Task's status. */
export default function PatientHistory() {
  const t = useText(STAFF_TEXT);
  const session = useChartSession();
  const history = usePatientHistory();

  return (
    <section className="history" aria-labelledby="history-heading" data-testid="history">
      <h1 id="history-heading" className="guide-title">
        {t.historyHeading}
      </h1>
      {history.isPending && <p role="status">{t.historyLoading}</p>}
      {history.isError && (
        <QueryError
          error={history.error}
          what={t.historyFailed}
          onRetry={() => void history.refetch()}
          onReauthorize={signInAgainThen(session, async () => void (await history.refetch()))}
        />
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
                  <HistoryReferral key={r.id} r={r} />
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
                    <strong>{isoDay(e.date)}</strong>
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
