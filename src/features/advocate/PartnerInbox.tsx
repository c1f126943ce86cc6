import { useEffect, useId, useMemo, useState } from "react";
import { useSession } from "../../app/session";
import { filterInbox, newSince, sortInbox, type InboxFilter } from "../../domain/inbox";
import { ListState } from "../../ui/ListState";
import { useText } from "../../ui/staffLanguage";
import { useClinicContact } from "./api/clinicContact";
import { useInbox } from "./api/inbox";
import { useInboxChanges } from "./api/inboxChanges";
import { INBOX_PAGE_SIZE, InboxList } from "./InboxList";
import { ADVOCATE_TEXT } from "./strings";

// The partner advocate's inbox (capability work-partner-inbox): the referrals whose Task the
// program owns, most urgent and newest first, with what is new since the last visit (held in
// memory only). The filter runs over every referral; the list shows them a page at a time.

/** Task ids seen on the last visit, per program; memory only, gone when the tab closes. */
const seenByProgram = new Map<string, ReadonlySet<string>>();

export default function PartnerInbox() {
  const session = useSession();
  const t = useText(ADVOCATE_TEXT);
  const program = session.partnerOrganization ?? "";
  const inbox = useInbox();
  const clinic = useClinicContact();
  const headingId = useId();
  const [seenBefore] = useState(() => seenByProgram.get(program) ?? null);
  const [filter, setFilter] = useState<InboxFilter>("open");
  const [limit, setLimit] = useState(INBOX_PAGE_SIZE);
  const referrals = inbox.data?.referrals;
  // The poll asks for Tasks changed after the newest change the inbox already has (the
  // server's clock); an empty inbox asks from when it was loaded, less a minute of slack.
  const newest = (referrals ?? []).reduce(
    (max, r) => (r.lastUpdated && r.lastUpdated > max ? r.lastUpdated : max),
    "",
  );
  const since = referrals ? newest || new Date(inbox.dataUpdatedAt - 60_000).toISOString() : null;
  useInboxChanges(since);

  const all = useMemo(() => sortInbox(referrals ?? []), [referrals]);
  const fresh = useMemo(() => newSince(all, seenBefore), [all, seenBefore]);
  const shown = useMemo(() => filterInbox(all, filter), [all, filter]);
  useEffect(() => {
    if (referrals) seenByProgram.set(program, new Set(referrals.map((r) => r.taskId)));
  }, [referrals, program]);

  return (
    <section className="inbox" aria-labelledby={headingId} data-testid="partner-inbox">
      <h1 id={headingId} className="guide-title">
        {t.title}
      </h1>
      <div className="inbox-toolbar">
        <p role="status" data-testid="inbox-count">
          {referrals ? t.count(all.length, fresh.size) : inbox.isPending ? t.loading : ""}
        </p>
        <button
          type="button"
          onClick={() => void inbox.refetch()}
          disabled={inbox.isFetching}
          data-testid="inbox-check"
        >
          {inbox.isFetching && !inbox.isPending ? t.checking : t.check}
        </button>
        <label>
          {t.filter}{" "}
          <select
            value={filter}
            onChange={(e) => {
              setFilter(e.target.value as InboxFilter);
              setLimit(INBOX_PAGE_SIZE);
            }}
          >
            <option value="open">{t.filterOpen}</option>
            <option value="closed">{t.filterClosed}</option>
            <option value="all">{t.filterAll}</option>
          </select>
        </label>
      </div>
      <ListState
        query={inbox}
        shown={shown.length}
        unreadable={inbox.data?.unreadable ?? 0}
        what={t.loadFailed}
        empty={all.length > 0 ? t.emptyFilter : t.empty}
        testId="inbox"
      />
      <InboxList
        referrals={shown}
        fresh={fresh}
        clinic={clinic.data}
        limit={limit}
        onShowMore={() => setLimit((n) => n + INBOX_PAGE_SIZE)}
      />
    </section>
  );
}
