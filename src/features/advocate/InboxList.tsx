import { useEffect, useRef } from "react";
import type { InboxReferral } from "../../domain/inbox";
import type { ClinicContact } from "./api/clinicContact";
import { InboxCard } from "./InboxCard";
import { ADVOCATE_TEXT } from "./strings";
import { useText } from "../../ui/staffLanguage";

// The inbox's cards a page at a time: a program with a thousand referrals renders the first
// page within a frame (npm run bench), and "Show more" brings the next page and moves the focus
// to its first card, so keyboard and screen-reader users carry on where the new cards start.

export const INBOX_PAGE_SIZE = 25;

export function InboxList({
  referrals,
  fresh,
  clinic,
  limit,
  onShowMore,
}: {
  /** The referrals the filter shows, in order; all of them, not one page. */
  referrals: readonly InboxReferral[];
  fresh: ReadonlySet<string>;
  clinic: ClinicContact | undefined;
  limit: number;
  onShowMore?: () => void;
}) {
  const t = useText(ADVOCATE_TEXT);
  const page = referrals.slice(0, limit);
  const headings = useRef(new Map<string, HTMLHeadingElement>());
  const shownBefore = useRef(limit);
  useEffect(() => {
    // Only after "Show more": the first card that was not there before takes the focus.
    if (limit > shownBefore.current) {
      const first = page[shownBefore.current];
      if (first) headings.current.get(first.taskId)?.focus();
    }
    shownBefore.current = limit;
  }, [limit, page]);
  const more = Math.min(INBOX_PAGE_SIZE, referrals.length - page.length);
  return (
    <>
      <ul className="inbox-list">
        {page.map((r) => (
          <li key={r.taskId}>
            <InboxCard
              r={r}
              isNew={fresh.has(r.taskId)}
              clinic={clinic}
              headingRef={(el) => {
                if (el) headings.current.set(r.taskId, el);
                else headings.current.delete(r.taskId);
              }}
            />
          </li>
        ))}
      </ul>
      {referrals.length > 0 && (
        <p className="list-paging">
          <span data-testid="inbox-showing">{t.showing(page.length, referrals.length)}</span>
          {more > 0 && onShowMore && (
            <>
              {" "}
              <button type="button" onClick={onShowMore} data-testid="inbox-more">
                {t.showMore(more)}
              </button>
            </>
          )}
        </p>
      )}
    </>
  );
}
