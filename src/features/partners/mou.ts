import type { Partner } from "../../domain/partner";

// MOU status of a partnership, from the affiliation's period and review date. Pure.

export type MouStatus = "active" | "review-due" | "expired" | "not-started" | "none";

/** Days before the review date (or the end of the MOU) from which a review is due. */
export const REVIEW_WINDOW_DAYS = 60;

const DAY_MS = 24 * 60 * 60 * 1000;

/** "YYYY-MM-DD" (or a dateTime) → days since the epoch, in UTC calendar terms. */
function dayNumber(date: string): number | undefined {
  const match = /^(\d{4})-(\d{2})(?:-(\d{2}))?/.exec(date);
  if (!match) return undefined;
  const [, y, m, d] = match;
  return Date.UTC(Number(y), Number(m) - 1, Number(d ?? "1")) / DAY_MS;
}

/** Today's calendar date where the user is, as a day number. */
function todayNumber(today: Date): number {
  return Date.UTC(today.getFullYear(), today.getMonth(), today.getDate()) / DAY_MS;
}

export interface MouInfo {
  status: MouStatus;
  /** Days until the review date (negative: overdue), when there is one. */
  daysToReview?: number;
  /** Days until the MOU ends (negative: ended), when it has an end. */
  daysToEnd?: number;
}

/**
 * - none: no affiliation or no MOU dates at all;
 * - expired: the end date has passed (the end date itself is still in force);
 * - not-started: the start date is in the future;
 * - review-due: the review date, or the end date, is within 60 days (or the review is overdue);
 * - active: otherwise.
 */
export function mouStatus(affiliation: Partner["affiliation"], today: Date): MouInfo {
  if (!affiliation) return { status: "none" };
  const now = todayNumber(today);
  const start = affiliation.mouStart ? dayNumber(affiliation.mouStart) : undefined;
  const end = affiliation.mouEnd ? dayNumber(affiliation.mouEnd) : undefined;
  const review = affiliation.mouReview ? dayNumber(affiliation.mouReview) : undefined;
  const info: MouInfo = { status: "active" };
  if (review !== undefined) info.daysToReview = review - now;
  if (end !== undefined) info.daysToEnd = end - now;
  if (start === undefined && end === undefined && review === undefined) return { status: "none" };
  if (end !== undefined && now > end) return { ...info, status: "expired" };
  if (start !== undefined && now < start) return { ...info, status: "not-started" };
  if (
    (review !== undefined && review - now <= REVIEW_WINDOW_DAYS) ||
    (end !== undefined && end - now <= REVIEW_WINDOW_DAYS)
  )
    return { ...info, status: "review-due" };
  return info;
}
