import type { UiStrings } from "../content/ui";
import type { SupportSummary } from "../domain/journey";
import { can, type Capability, type SessionKind } from "../domain/roles";
import type { Session } from "./session";

// One shell per session kind: its tabs are the ones the user's role may use
// (src/domain/roles.ts), in the order shown.

export type Tab =
  | "guide"
  | "history"
  | "worklist"
  | "inbox"
  | "refer-back"
  | "incoming"
  | "partners"
  | "reports"
  | "settings"
  | "diagnostics";
export type View = { tab: Tab; referral?: SupportSummary; resourceCard?: boolean };

export const TABS: {
  tab: Tab;
  label: (t: UiStrings) => string;
  needs: Capability;
  in: SessionKind[];
}[] = [
  { tab: "guide", label: (t) => t.tabGuide, needs: "record-education", in: ["chart"] },
  { tab: "history", label: (t) => t.tabHistory, needs: "view-patient-history", in: ["chart"] },
  {
    tab: "worklist",
    label: (t) => t.tabWorklist,
    needs: "view-worklist",
    in: ["chart", "workspace"],
  },
  { tab: "inbox", label: (t) => t.tabInbox, needs: "work-partner-inbox", in: ["workspace"] },
  {
    tab: "refer-back",
    label: (t) => t.tabReferBack,
    needs: "refer-to-clinic",
    in: ["workspace"],
  },
  {
    tab: "incoming",
    label: (t) => t.tabIncoming,
    needs: "work-incoming-referrals",
    in: ["workspace"],
  },
  {
    tab: "partners",
    label: (t) => t.tabPartners,
    needs: "view-directory",
    in: ["chart", "workspace"],
  },
  { tab: "reports", label: (t) => t.tabReports, needs: "view-reports", in: ["workspace"] },
  {
    tab: "settings",
    label: (t) => t.tabSettings,
    needs: "view-settings",
    in: ["chart", "workspace"],
  },
  {
    tab: "diagnostics",
    label: (t) => t.tabDiagnostics,
    needs: "run-diagnostics",
    in: ["chart", "workspace"],
  },
];

/** The tabs this session's user may open, in the order shown. */
export function tabsFor(session: Session): Tab[] {
  return TABS.filter((x) => x.in.includes(session.kind) && can(session.access, x.needs)).map(
    (x) => x.tab,
  );
}
