import {
  CLINICAL_TYPES,
  reachBeyondPolicy,
  type PartnerReachCounts,
  type ReachCount,
} from "../../domain/partnerReach";
import type { DiagnosticCheck } from "./checks";

// The diagnostics of a partner program's launch: what this account can read on the clinic's
// server against what the partner-access policy allows (README, "Partner access on real
// servers"). From counts only (src/fhir/partnerReach.ts).

const FIX =
  "Restrict partner-program users on the server as the README's 'Partner access on real servers' describes (a Medplum AccessPolicy, HAPI AuthorizationInterceptor rules, Smile CDR), then run the checks again.";

const shown = (n: ReachCount) => (n === "refused" ? "refused by the server" : `${n}`);

export function partnerReachChecks(counts: PartnerReachCounts): DiagnosticCheck[] {
  const beyond = new Map(reachBeyondPolicy(counts).map((f) => [f.type, f]));
  const tasks = counts.ownTasks + counts.requestedTasks;
  const referralRow = (
    type: "Task" | "ServiceRequest" | "Consent" | "Patient",
    allowed: string,
  ): DiagnosticCheck => {
    const over = beyond.get(type);
    return {
      id: `partner-${type}`,
      group: "partner",
      label: `${type}: ${allowed}`,
      status: over ? "fail" : "pass",
      detail: over
        ? `This account can count ${over.visible} ${type} records; at most ${over.expectedAtMost} belong to its program's referrals.`
        : `Counted: ${shown(counts.visible[type])} (its program's referrals: ${type === "Patient" ? counts.ownTasks : tasks}).`,
      fix: FIX,
    };
  };
  return [
    referralRow("Task", "only those the program owns or requested"),
    referralRow("ServiceRequest", "only the referrals of those Tasks"),
    referralRow("Consent", "only the consents of those referrals"),
    referralRow("Patient", "only the clients of referrals whose consent is active"),
    ...CLINICAL_TYPES.map((type): DiagnosticCheck => {
      const over = beyond.get(type);
      return {
        id: `partner-${type}`,
        group: "partner",
        label: `${type}: none (the clinic's clinical record)`,
        status: over ? "fail" : "pass",
        detail: over
          ? `This account can count ${over.visible} ${type} records; a partner program's user should read none.`
          : `Counted: ${shown(counts.clinical[type])}.`,
        fix: FIX,
      };
    }),
  ];
}
