import { describe, expect, it } from "vitest";
import {
  actionsFor,
  BUSINESS_STATUSES,
  checkTransition,
  TASK_STATUSES,
  TERMINAL_STATUSES,
  transitionOf,
  TRANSITIONS,
  type Party,
  type Transition,
} from "./taskLifecycle";

// The expected table, written out by hand (not derived from TRANSITIONS) so a change to the
// module that is not also a change here fails: [action, party, from, to, business status].
const EXPECTED: [string, Party, string[], string, string][] = [
  ["send", "requester", ["draft"], "requested", "created"],
  ["accept", "performer", ["requested"], "accepted", "accepted"],
  ["decline", "performer", ["requested"], "rejected", "declined"],
  ["first-contact", "performer", ["accepted", "on-hold"], "in-progress", "first-contact"],
  ["hold", "performer", ["accepted", "in-progress"], "on-hold", "on-hold"],
  [
    "could-not-reach",
    "performer",
    ["accepted", "in-progress", "on-hold"],
    "failed",
    "could-not-reach",
  ],
  [
    "complete-connected",
    "performer",
    ["accepted", "in-progress", "on-hold"],
    "completed",
    "fulfillment-completed",
  ],
  [
    "complete-declined-services",
    "performer",
    ["accepted", "in-progress", "on-hold"],
    "completed",
    "declined-services",
  ],
  [
    "complete-referred-elsewhere",
    "performer",
    ["accepted", "in-progress", "on-hold"],
    "completed",
    "referred-elsewhere",
  ],
  [
    "cancel",
    "requester",
    ["requested", "accepted", "in-progress", "on-hold"],
    "cancelled",
    "fulfillment-cancelled",
  ],
];

/** A reason that satisfies the transition, or nothing when it takes none. */
function goodReason(t: Transition): { reasonCode?: string; reasonText?: string } {
  if (t.reason.kind === "none") return {};
  return { reasonCode: t.reason.codes[0], reasonText: "Said on the phone" };
}

const other = (p: Party): Party => (p === "requester" ? "performer" : "requester");

describe("the referral Task lifecycle", () => {
  it("is exactly the expected table", () => {
    expect(TRANSITIONS.map((t) => [t.action, t.by, [...t.from], t.to, t.businessStatus])).toEqual(
      EXPECTED,
    );
  });

  describe.each(EXPECTED)("%s (%s)", (action, party, froms, to, businessStatus) => {
    const t = transitionOf(action as Transition["action"]);

    it.each(froms)(`is allowed for the ${party} from %s, with its reason`, (from) => {
      const check = checkTransition(party, { from, to, businessStatus, ...goodReason(t) });
      expect(check).toEqual({ ok: true, transition: t });
      expect(actionsFor(party, from).map((x) => x.action)).toContain(action);
    });

    it.each(froms)(`is refused for the ${other(party)} from %s`, (from) => {
      const check = checkTransition(other(party), { from, to, businessStatus, ...goodReason(t) });
      expect(check.ok).toBe(false);
      if (!check.ok) expect(check.problem).toBe("wrong-party");
      expect(actionsFor(other(party), from).map((x) => x.action)).not.toContain(action);
    });

    const notFrom = TASK_STATUSES.filter((s) => !froms.includes(s));
    it.each(notFrom)("is refused for both parties from %s", (from) => {
      for (const p of ["requester", "performer"] as const) {
        const check = checkTransition(p, { from, to, businessStatus, ...goodReason(t) });
        expect(check.ok).toBe(false);
        if (!check.ok)
          expect(check.problem).toBe(
            TERMINAL_STATUSES.includes(from) ? "terminal" : "not-a-transition",
          );
      }
    });

    it("is refused with another business status", () => {
      for (const bs of BUSINESS_STATUSES.filter((b) => b !== businessStatus)) {
        const sameTarget = EXPECTED.some(
          ([, , f, x, b]) => x === to && b === bs && f.includes(froms[0] as string),
        );
        if (sameTarget) continue; // another action with the same target (the completions)
        const check = checkTransition(party, { from: froms[0], to, businessStatus: bs });
        expect(check.ok).toBe(false);
      }
    });

    if (t.reason.kind === "none") return;
    const reason = t.reason;
    it("is refused without its reason, with a reason it does not take, and without required text", () => {
      const base = { from: froms[0], to, businessStatus };
      const missing = checkTransition(party, base);
      expect(missing.ok || missing.problem).toBe("reason-missing");
      const wrong = checkTransition(party, {
        ...base,
        reasonCode: "no-such-reason",
        reasonText: "x",
      });
      expect(wrong.ok || wrong.problem).toBe("reason-not-allowed");
      const noText = checkTransition(party, { ...base, reasonCode: reason.codes[0] });
      if (reason.text === "required")
        expect(noText.ok || noText.problem).toBe("reason-text-missing");
      else expect(noText.ok).toBe(true);
    });
  });

  it("SDOHCC: rejected, cancelled, on-hold and failed always carry a reason", () => {
    for (const t of TRANSITIONS.filter((x) =>
      ["rejected", "cancelled", "on-hold", "failed"].includes(x.to),
    ))
      expect(t.reason.kind).not.toBe("none");
  });

  it("offers nothing on a finished Task, to either party", () => {
    for (const s of TERMINAL_STATUSES) {
      expect(actionsFor("performer", s)).toEqual([]);
      expect(actionsFor("requester", s)).toEqual([]);
    }
  });

  it("offers the performer accept or decline on a new referral, and the requester cancel", () => {
    expect(actionsFor("performer", "requested").map((t) => t.action)).toEqual([
      "accept",
      "decline",
    ]);
    expect(actionsFor("requester", "requested").map((t) => t.action)).toEqual(["cancel"]);
  });
});
