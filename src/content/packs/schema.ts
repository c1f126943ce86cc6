import * as z from "zod/mini";
import { SAFETY_ITEMS, type SafetyItem } from "../../domain/urgency";
import { TEMPLATES, type TemplatePath } from "./templates";

// The schema of a content pack file (public/content/<lang>.json). Every entry is optional here
// so that a pack may lack some (they fall back to English, and `npm run content:check` lists
// them); English itself must be complete (checked by the loader). Unknown keys are refused, so
// a misspelt key is an error that names it rather than text that silently never shows.
// The names of our partnership codes (meeting cadences, onboarding steps, cross-training
// directions) are not here: screens ask codeDisplay() (src/fhir/codeDisplays.ts), which reads
// them from the CodeSystems.

const text = () => z.string().check(z.minLength(1));
const s = () => z.optional(text());
const list = () => z.optional(z.array(text()).check(z.minLength(1)));
const obj = <T extends z.core.$ZodLooseShape>(shape: T) => z.optional(z.strictObject(shape));

/** The placeholders a template may use: any other "{name}" is a typo the screen would show. */
function placeholdersOk(path: TemplatePath) {
  const allowed: readonly string[] = TEMPLATES[path];
  return z.refine<string>(
    (value) => [...value.matchAll(/\{([^{}]*)\}/g)].every((m) => allowed.includes(m[1] ?? "")),
    {
      message: `uses a placeholder other than ${allowed.map((n) => `{${n}}`).join(", ")}`,
    },
  );
}
const tpl = (path: TemplatePath) => z.optional(text().check(placeholdersOk(path)));
const tplList = (path: TemplatePath) =>
  z.optional(z.array(text().check(placeholdersOk(path))).check(z.minLength(1)));

/** One text per safety item (src/domain/urgency.ts), e.g. the finding or the control's question. */
const perSafetyItem = () =>
  obj(
    Object.fromEntries(SAFETY_ITEMS.map((item) => [item, s()])) as Record<
      SafetyItem,
      ReturnType<typeof s>
    >,
  );

export const REVIEW_STATUSES = ["reviewed", "needs-native-speaker-review"] as const;

export const contentPackSchema = z.strictObject({
  /** The pack's language (BCP 47 base code): must match the file name. */
  lang: z
    .string()
    .check(z.regex(/^[a-z]{2,3}$/, { message: 'must be a language code such as "vi"' })),
  /**
   * Whether a native speaker has reviewed the patient-facing text. Until one has, the app tells
   * the clinician to use the script with a professional interpreter.
   */
  review: z.strictObject({
    status: z.enum(REVIEW_STATUSES),
    /** Who reviewed it and when, or what is still to be checked (free text, for IT). */
    note: z.optional(text()),
  }),
  staff: obj({
    guideHeading: s(),
    modeLegend: s(),
    modeFull: s(),
    modeEducation: s(),
    modeRoleEducationOnly: s(),
    steps: obj({
      c: s(),
      ue: s(),
      s: s(),
      partner: s(),
      consent: s(),
      review: s(),
      done: s(),
    }),
    stepOf: tpl("staff.stepOf"),
    next: s(),
    back: s(),
    settingLegend: s(),
    settings: obj({
      "in-person": s(),
      "telehealth-video": s(),
      telephone: s(),
      "mobile-unit": s(),
      "school-based": s(),
    }),
    checklistLegend: s(),
    alone: s(),
    aloneTip: s(),
    interpreter: s(),
    limits: s(),
    settingChecks: obj({
      "mobile-unit": list(),
      "school-based": list(),
    }),
    limitsHeading: tpl("staff.limitsHeading"),
    minorText: tpl("staff.minorText"),
    remoteLegend: s(),
    safeTime: s(),
    aloneRemote: s(),
    yes: s(),
    no: s(),
    yesNoMode: s(),
    yesNoModeHint: s(),
    notSafeButton: s(),
    notSafeHeading: s(),
    notSafeSteps: list(),
    notSafeNothingWritten: s(),
    notSafeClosing: s(),
    notSafeBack: s(),
    scriptHeading: s(),
    scriptLanguage: s(),
    noScriptIn: tpl("staff.noScriptIn"),
    cardsLegend: s(),
    cardsHint: s(),
    cardLanguages: tpl("staff.cardLanguages"),
    noCardsIn: tpl("staff.noCardsIn"),
    recordEducation: s(),
    recording: s(),
    educationRecorded: s(),
    needCard: s(),
    noUser: s(),
    toSupport: s(),
    maEscalate: s(),
    validateHeading: s(),
    safetyLegend: s(),
    safetyHint: s(),
    safetyItems: perSafetyItem(),
    safetyControls: perSafetyItem(),
    strangulationHeading: s(),
    strangulationWarning: s(),
    strangulationProtocolHeading: s(),
    urgencyHeading: s(),
    urgency: obj({
      now: obj({
        label: s(),
        meaning: s(),
      }),
      soon: obj({
        label: s(),
        meaning: s(),
      }),
      routine: obj({
        label: s(),
        meaning: s(),
      }),
    }),
    urgencyBecause: s(),
    goalsLegend: s(),
    goalsHint: s(),
    nothingNow: s(),
    nothingNowHeading: s(),
    nothingNowSteps: list(),
    toReferral: s(),
    pickGoal: s(),
    services: obj({
      "drop-in-safety-planning": s(),
      "emergency-shelter": s(),
      "housing-advocacy": s(),
      "hotline-24h": s(),
      "legal-advocacy": s(),
      "court-accompaniment": s(),
      "support-groups": s(),
      "mental-health": s(),
      "health-wellness": s(),
      "case-management": s(),
      "justice-advocacy": s(),
      "economic-advocacy": s(),
      "anti-trafficking": s(),
    }),
    partnersHeading: s(),
    partnersLoading: s(),
    partnersFailed: s(),
    noPartners: s(),
    openNow: s(),
    open247: s(),
    closedNow: s(),
    languageMatch: tpl("staff.languageMatch"),
    noLanguageMatch: tpl("staff.noLanguageMatch"),
    covers: s(),
    notCovered: s(),
    afterHoursHeading: s(),
    afterHoursLead: s(),
    partnerLine247: tpl("staff.partnerLine247"),
    callTogetherClosed: s(),
    noPartnerHandoff: s(),
    withoutPartner: s(),
    withoutPartnerHint: s(),
    noPartnerHandoffOnly: s(),
    sentNowhere: s(),
    recordedNoPartner: list(),
    contactsOnlyHeading: s(),
    contactsOnlyHint: s(),
    choosePartner: s(),
    handoffLegend: s(),
    handoff: obj({
      "onsite-advocate": s(),
      "call-together": s(),
      chat: s(),
      hotline: s(),
      "card-only": s(),
    }),
    callScriptHeading: s(),
    callScript: tplList("staff.callScript"),
    hotlineLine: s(),
    chatLine: tpl("staff.chatLine"),
    consentLegend: s(),
    consentWhat: s(),
    consentSharedItems: list(),
    consentWith: tpl("staff.consentWith"),
    consentUntil: s(),
    consentWithdraw: s(),
    consentAgree: tpl("staff.consentAgree"),
    consentNeeded: s(),
    safeContactLegend: s(),
    noContact: s(),
    safePhone: s(),
    safePhoneHint: s(),
    safeTimes: s(),
    voicemailOk: s(),
    mayNameAgency: s(),
    coverStory: s(),
    coverStoryDefault: s(),
    phoneNeeded: s(),
    reviewHeading: s(),
    sentHeading: tpl("staff.sentHeading"),
    staysHeading: s(),
    staysItems: list(),
    reviewRows: obj({
      services: s(),
      priority: s(),
      handoff: s(),
      contact: s(),
      consentUntil: s(),
      followUp: s(),
      education: s(),
    }),
    none: s(),
    yesText: s(),
    noText: s(),
    submit: s(),
    sending: s(),
    retry: s(),
    failedKeep: s(),
    sendFailedWhat: s(),
    unsavedWarning: s(),
    doneHeading: s(),
    recordedItems: tplList("staff.recordedItems"),
    updatedOnServer: tpl("staff.updatedOnServer"),
    changedPart: obj({
      partner: s(),
      services: s(),
      priority: s(),
      handoff: s(),
      safeContact: s(),
      consent: s(),
    }),
    partnerContact: s(),
    printCard: s(),
    resourceCard: s(),
    anotherReferral: s(),
    finish: s(),
    historyHeading: s(),
    historyEducation: s(),
    historyReferrals: s(),
    historyEmpty: s(),
    historyUnreadable: tpl("staff.historyUnreadable"),
    withdrawRaced: s(),
    historyLoading: s(),
    historyFailed: s(),
    followUpIntro: s(),
    taskStatus: s(),
    followUpBy: s(),
    cards: s(),
    consentStatus: s(),
    consentStates: obj({
      active: s(),
      inactive: s(),
      rejected: s(),
      "entered-in-error": s(),
    }),
    taskStates: obj({
      draft: s(),
      requested: s(),
      accepted: s(),
      rejected: s(),
      cancelled: s(),
      "in-progress": s(),
      "on-hold": s(),
      failed: s(),
      completed: s(),
      "entered-in-error": s(),
    }),
    withdrawConsent: s(),
    withdrawConfirm: tpl("staff.withdrawConfirm"),
    withdrawYes: s(),
    withdrawNo: s(),
    withdrawing: s(),
    businessStates: obj({
      created: s(),
      accepted: s(),
      declined: s(),
      "first-contact": s(),
      "on-hold": s(),
      "could-not-reach": s(),
      scheduled: s(),
      unattended: s(),
      "event-cancelled": s(),
      "event-completed": s(),
      "cancellation-requested": s(),
      "fulfillment-cancelled": s(),
      "fulfillment-completed": s(),
      "declined-services": s(),
      "referred-elsewhere": s(),
    }),
    taskOutputs: s(),
    noContactAtAll: s(),
    unlabelledWarning: s(),
    addLabels: s(),
    addingLabels: s(),
    addLabelsFailed: s(),
    reviewPending: tpl("staff.reviewPending"),
    fallbackNote: tpl("staff.fallbackNote"),
    partnership: obj({
      heading: s(),
      tierMeaning: obj({
        "1": s(),
        "2": s(),
        "3": s(),
        "4": s(),
      }),
      levelMeaning: obj({
        informed: s(),
        collaborative: s(),
        integrated: s(),
      }),
      contactsHeading: s(),
      clinicContact: s(),
      programContact: s(),
      contactName: s(),
      contactReach: s(),
      noContact: s(),
      mouDocument: s(),
      mouDocumentField: s(),
      mouDocumentLink: s(),
      noMouDocument: s(),
      cadence: s(),
      noCadence: s(),
      onboardingHeading: s(),
      stepDone: tpl("staff.partnership.stepDone"),
      stepNotDone: s(),
      stepDateHint: s(),
      onboardingProgress: tpl("staff.partnership.onboardingProgress"),
      trainingsHeading: s(),
      noTrainings: s(),
      trainingDate: s(),
      trainingDirection: s(),
      trainingTopic: s(),
      trainingAttendees: s(),
      trainingsTotal: tpl("staff.partnership.trainingsTotal"),
      addTraining: s(),
      saveTraining: s(),
      trainingSaved: s(),
      editRecord: s(),
      keptInDetails: s(),
      editDetails: s(),
      saveRecord: s(),
      recordSaved: s(),
      cancel: s(),
      saving: s(),
      choose: s(),
      conflict: s(),
      conflictReload: s(),
      conflictReloaded: s(),
      conflictDiffers: s(),
      saveFailed: s(),
      loadFailed: s(),
      noAffiliation: s(),
      fixErrors: tpl("staff.partnership.fixErrors"),
      errors: obj({
        required: s(),
        date: s(),
        future: s(),
        endBeforeStart: s(),
        url: s(),
        reach: s(),
        nameNeeded: s(),
        attendees: s(),
      }),
      remindersHeading: s(),
      noReminders: s(),
      remindersLoading: s(),
      checkReferrals: s(),
      loading: s(),
      reminders: obj({
        "mou-review-overdue": tpl("staff.partnership.reminders.mou-review-overdue"),
        "mou-review-due": tpl("staff.partnership.reminders.mou-review-due"),
        "no-cross-training": tpl("staff.partnership.reminders.no-cross-training"),
        "no-recent-referral": tpl("staff.partnership.reminders.no-recent-referral"),
      }),
      referralCheckFailed: tpl("staff.partnership.referralCheckFailed"),
    }),
    staffFallbackNote: tpl("staff.staffFallbackNote"),
  }),
  patient: obj({
    languageName: s(),
    stepOut: s(),
    safeTime: obj({
      open: s(),
      yesNo: s(),
    }),
    aloneRemote: obj({
      open: s(),
      yesNo: s(),
    }),
    educationScript: list(),
    cardOffer: s(),
    validating: list(),
    safetyQuestions: obj({
      immediateDanger: obj({
        open: s(),
        yesNo: s(),
      }),
      strangulation: obj({
        open: s(),
        yesNo: s(),
      }),
      weapon: obj({
        open: s(),
        yesNo: s(),
      }),
      threatsToKill: obj({
        open: s(),
        yesNo: s(),
      }),
      escalating: obj({
        open: s(),
        yesNo: s(),
      }),
      fearOfBeingKilled: obj({
        open: s(),
        yesNo: s(),
      }),
      noSafePlace: obj({
        open: s(),
        yesNo: s(),
      }),
      noMedications: obj({
        open: s(),
        yesNo: s(),
      }),
      childrenUnsafe: obj({
        open: s(),
        yesNo: s(),
      }),
      food: obj({
        open: s(),
        yesNo: s(),
      }),
      legal: obj({
        open: s(),
        yesNo: s(),
      }),
      housing: obj({
        open: s(),
        yesNo: s(),
      }),
      mentalHealth: obj({
        open: s(),
        yesNo: s(),
      }),
    }),
    goalsQuestion: s(),
    consentExplain: tpl("patient.consentExplain"),
    notSafeClosing: s(),
    followUpScript: s(),
    card: obj({
      title: s(),
      line: s(),
      hotline: s(),
      note: s(),
    }),
  }),
});

export type ContentPackJson = z.infer<typeof contentPackSchema>;

type Shape = string | { [key: string]: Shape };

/** Every entry the schema knows, as a tree (leaves are ""): what a complete pack has. */
export function fullShape(schema: z.ZodMiniType = contentPackSchema): Shape {
  let def = schema._zod.def as {
    type: string;
    innerType?: z.ZodMiniType;
    shape?: Record<string, z.ZodMiniType>;
  };
  while (def.type === "optional" && def.innerType) def = def.innerType._zod.def as typeof def;
  if (def.type !== "object" || !def.shape) return "";
  return Object.fromEntries(
    Object.entries(def.shape).map(([key, value]) => [key, fullShape(value)]),
  );
}
