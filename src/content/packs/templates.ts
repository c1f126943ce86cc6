// The pack entries that take values: in the JSON files they are strings (or lists of strings)
// with named placeholders such as "Step {n} of {total}"; the loader turns them into the
// functions the screens call. The order of the names is the order of the function's arguments.

export const TEMPLATES = {
  "staff.stepOf": ["n", "total"],
  "staff.limitsHeading": ["jurisdiction"],
  "staff.minorText": ["age"],
  "staff.noScriptIn": ["language"],
  "staff.cardLanguages": ["languages"],
  "staff.noCardsIn": ["language"],
  "staff.languageMatch": ["language"],
  "staff.noLanguageMatch": ["language"],
  "staff.partnerLine247": ["partner", "phone"],
  "staff.callScript": ["partner", "phone"],
  "staff.chatLine": ["chat"],
  "staff.consentWith": ["partner"],
  "staff.consentAgree": ["partner"],
  "staff.sentHeading": ["partner"],
  "staff.recordedItems": ["partner"],
  "staff.historyUnreadable": ["count"],
  "staff.updatedOnServer": ["changed"],
  "staff.withdrawConfirm": ["partner"],
  "staff.reviewPending": ["language"],
  "staff.fallbackNote": ["language", "count"],
  "staff.staffFallbackNote": ["language", "count"],
  "staff.partnership.stepDone": ["date"],
  "staff.partnership.onboardingProgress": ["done", "total"],
  "staff.partnership.trainingsTotal": ["count"],
  "staff.partnership.fixErrors": ["count"],
  "staff.partnership.reminders.mou-review-overdue": ["partner", "date"],
  "staff.partnership.reminders.mou-review-due": ["partner", "date"],
  "staff.partnership.reminders.no-cross-training": ["partner", "date"],
  "staff.partnership.reminders.no-recent-referral": ["partner", "date"],
  "staff.partnership.referralCheckFailed": ["count"],
  "patient.consentExplain": ["partner", "until"],
} as const satisfies Record<string, readonly string[]>;

export type TemplatePath = keyof typeof TEMPLATES;

/** Fills "{name}" placeholders; unknown names are left as written. */
export function fill(template: string, values: Record<string, string | number>): string {
  return template.replace(/\{([a-zA-Z]+)\}/g, (whole, name: string) =>
    name in values ? String(values[name]) : whole,
  );
}
