import { useId, useMemo, useState } from "react";
import { isOpen, shownToClinic, sortIncoming } from "../../domain/incomingReferral";
import { ListState } from "../../ui/ListState";
import { useText } from "../../ui/staffLanguage";
import { useIncoming } from "./api/incoming";
import { IncomingCard } from "./IncomingCard";
import { INCOMING_TEXT } from "./strings";

// The clinic's incoming worklist (capability work-incoming-referrals): referrals back from
// partner programs — open first, most urgent, longest waiting. Front desk and care team accept
// or decline, find the patient in the EHR (name and birth date) or note that registration is
// needed, record the appointment offered or booked, and complete it. What the partner shared
// shows only while the client's consent covers the clinic, and the client's identity only
// until matched (shownToClinic).

export default function IncomingWorklist() {
  const t = useText(INCOMING_TEXT);
  const incoming = useIncoming();
  const [filter, setFilter] = useState<"open" | "all">("open");
  const headingId = useId();
  const referrals = incoming.data?.referrals;
  const all = useMemo(() => sortIncoming((referrals ?? []).map(shownToClinic)), [referrals]);
  const open = all.filter(isOpen);
  const shown = filter === "open" ? open : all;
  return (
    <section aria-labelledby={headingId} data-testid="incoming-worklist">
      <h1 id={headingId} className="guide-title">
        {t.title}
      </h1>
      <div className="inbox-toolbar">
        <p role="status" data-testid="incoming-count">
          {referrals ? t.count(open.length) : incoming.isPending ? t.loading : ""}
        </p>
        <button
          type="button"
          onClick={() => void incoming.refetch()}
          disabled={incoming.isFetching}
          data-testid="incoming-check"
        >
          {t.check}
        </button>
        <label>
          {t.filter}{" "}
          <select value={filter} onChange={(e) => setFilter(e.target.value as "open" | "all")}>
            <option value="open">{t.filterOpen}</option>
            <option value="all">{t.filterAll}</option>
          </select>
        </label>
      </div>
      <ListState
        query={incoming}
        shown={shown.length}
        unreadable={incoming.data?.unreadable ?? 0}
        what={t.loadFailed}
        empty={all.length > 0 ? t.emptyFilter : t.empty}
        testId="incoming"
      />
      <ul className="inbox-list">
        {shown.map((r) => (
          <li key={r.taskId}>
            <IncomingCard r={r} />
          </li>
        ))}
      </ul>
    </section>
  );
}
