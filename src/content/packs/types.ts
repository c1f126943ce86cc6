import type { HandoffMethod, Setting, Urgency } from "../../domain/journey";
import type { ReminderKind, UpkeepError } from "../../domain/partnership";
import type { SafetyItem } from "../../domain/urgency";

// A content pack: everything the CUES guide and the referral flow say, in one language.
// `staff` is the interface text (in the staff's language); `patient` is what staff say to the
// patient (in the patient's language). Written in our own words. The packs are data:
// public/content/<lang>.json (schema.ts), loaded at start-up (load.ts); entries with values
// are templates there ("Step {n} of {total}", templates.ts) and functions here.

export interface StaffText {
  guideHeading: string;
  modeLegend: string;
  modeFull: string;
  modeEducation: string;
  /** Why the full guide is not offered to this role. */
  modeRoleEducationOnly: string;
  steps: {
    c: string;
    ue: string;
    s: string;
    partner: string;
    consent: string;
    review: string;
    done: string;
  };
  stepOf: (n: number, total: number) => string;
  next: string;
  back: string;
  // C
  settingLegend: string;
  /** The guide's own words for the visit settings (the CodeSystem's names, kept in the pack so the first screen's JS does not carry the whole code table). */
  settings: Record<Setting, string>;
  checklistLegend: string;
  alone: string;
  aloneTip: string;
  interpreter: string;
  limits: string;
  /** Extra confidentiality checks for some settings (mobile unit, school-based clinic). */
  settingChecks: Partial<Record<Setting, string[]>>;
  limitsHeading: (jurisdiction: string) => string;
  minorText: (age: number) => string;
  remoteLegend: string;
  safeTime: string;
  aloneRemote: string;
  yes: string;
  no: string;
  yesNoMode: string;
  yesNoModeHint: string;
  notSafeButton: string;
  notSafeHeading: string;
  notSafeSteps: string[];
  notSafeNothingWritten: string;
  notSafeClosing: string;
  notSafeBack: string;
  // UE
  scriptHeading: string;
  scriptLanguage: string;
  noScriptIn: (language: string) => string;
  cardsLegend: string;
  cardsHint: string;
  cardLanguages: (languages: string) => string;
  noCardsIn: (language: string) => string;
  recordEducation: string;
  recording: string;
  educationRecorded: string;
  needCard: string;
  noUser: string;
  toSupport: string;
  maEscalate: string;
  // S
  validateHeading: string;
  safetyLegend: string;
  safetyHint: string;
  /** What a raised item means, as a finding ("No safe place to stay tonight"): the urgency's reasons. */
  safetyItems: Record<SafetyItem, string>;
  /**
   * The control of each item: the question as asked (same polarity as the patient's question),
   * answered with Yes / No radios. A "no" raises noSafePlace, noMedications and food.
   */
  safetyControls: Record<SafetyItem, string>;
  strangulationHeading: string;
  strangulationWarning: string;
  strangulationProtocolHeading: string;
  urgencyHeading: string;
  urgency: Record<Urgency, { label: string; meaning: string }>;
  urgencyBecause: string;
  goalsLegend: string;
  goalsHint: string;
  nothingNow: string;
  nothingNowHeading: string;
  nothingNowSteps: string[];
  toReferral: string;
  pickGoal: string;
  services: Record<string, string>;
  // partner + handoff
  partnersHeading: string;
  partnersLoading: string;
  partnersFailed: string;
  noPartners: string;
  openNow: string;
  open247: string;
  closedNow: string;
  languageMatch: (language: string) => string;
  noLanguageMatch: (language: string) => string;
  covers: string;
  notCovered: string;
  afterHoursHeading: string;
  afterHoursLead: string;
  partnerLine247: (partner: string, phone: string) => string;
  callTogetherClosed: string;
  noPartnerHandoff: string;
  withoutPartner: string;
  withoutPartnerHint: string;
  noPartnerHandoffOnly: string;
  sentNowhere: string;
  recordedNoPartner: string[];
  contactsOnlyHeading: string;
  contactsOnlyHint: string;
  choosePartner: string;
  handoffLegend: string;
  handoff: Record<HandoffMethod, string>;
  callScriptHeading: string;
  callScript: (partner: string, phone: string) => string[];
  hotlineLine: string;
  chatLine: (chat: string) => string;
  // consent + safe contact
  consentLegend: string;
  consentWhat: string;
  consentSharedItems: string[];
  consentWith: (partner: string) => string;
  consentUntil: string;
  consentWithdraw: string;
  consentAgree: (partner: string) => string;
  consentNeeded: string;
  safeContactLegend: string;
  noContact: string;
  safePhone: string;
  safePhoneHint: string;
  safeTimes: string;
  voicemailOk: string;
  mayNameAgency: string;
  coverStory: string;
  coverStoryDefault: string;
  phoneNeeded: string;
  // review + submit
  reviewHeading: string;
  sentHeading: (partner: string) => string;
  staysHeading: string;
  staysItems: string[];
  reviewRows: {
    services: string;
    priority: string;
    handoff: string;
    contact: string;
    consentUntil: string;
    followUp: string;
    education: string;
  };
  none: string;
  yesText: string;
  noText: string;
  submit: string;
  sending: string;
  retry: string;
  failedKeep: string;
  /** Leads the send's failure panel: what failed. */
  sendFailedWhat: string;
  unsavedWarning: string;
  // confirmation
  doneHeading: string;
  recordedItems: (partner: string) => string[];
  /** After a lost answer: the server held the first send; these parts were brought up to date. */
  /** `changed`: the changed parts (changedPart), joined with commas. */
  updatedOnServer: (changed: string) => string;
  changedPart: {
    partner: string;
    services: string;
    priority: string;
    handoff: string;
    safeContact: string;
    consent: string;
  };
  partnerContact: string;
  printCard: string;
  resourceCard: string;
  anotherReferral: string;
  finish: string;
  // history
  historyHeading: string;
  historyEducation: string;
  historyReferrals: string;
  historyEmpty: string;
  /** Some records could not be read: the list is not the whole story. */
  historyUnreadable: (count: number) => string;
  /** A withdrawal met a change made meanwhile: what is shown now is the server's state. */
  withdrawRaced: string;
  historyLoading: string;
  /** What failed, leading the failure panel when the history cannot be read. */
  historyFailed: string;
  /** The follow-up prompt at the next visit: when and how to ask (for the provider only). */
  followUpIntro: string;
  taskStatus: string;
  followUpBy: string;
  cards: string;
  consentStatus: string;
  consentStates: Record<string, string>;
  taskStates: Record<string, string>;
  withdrawConsent: string;
  withdrawConfirm: (partner: string) => string;
  withdrawYes: string;
  withdrawNo: string;
  withdrawing: string;
  /** Shown with a patient-facing pack no native speaker has reviewed yet. */
  reviewPending: (language: string) => string;
  /** Shown when a pack lacks entries and English is used for them; the entries follow. */
  fallbackNote: (language: string, count: number) => string;
  // history: referrals another SDOHCC system wrote (issue 9)
  /** Task.businessStatus in words, by the lifecycle's name (BSeR code or our refinement). */
  businessStates: Record<string, string>;
  taskOutputs: string;
  noContactAtAll: string;
  unlabelledWarning: string;
  addLabels: string;
  addingLabels: string;
  addLabelsFailed: string;
  /** Shown when the staff's own pack lacks entries and English is used for them. */
  staffFallbackNote: (language: string, count: number) => string;
  /** Partnership upkeep on a partner's page, and the workspace's reminders (issue 15). */
  partnership: PartnershipText;
}

export interface PartnershipText {
  heading: string;
  /** What each participation tier means ("1".."4"). */
  tierMeaning: Record<string, string>;
  levelMeaning: Record<string, string>;
  contactsHeading: string;
  clinicContact: string;
  programContact: string;
  contactName: string;
  contactReach: string;
  noContact: string;
  mouDocument: string;
  mouDocumentField: string;
  mouDocumentLink: string;
  noMouDocument: string;
  cadence: string;
  noCadence: string;
  onboardingHeading: string;
  stepDone: (date: string) => string;
  stepNotDone: string;
  stepDateHint: string;
  onboardingProgress: (done: number, total: number) => string;
  trainingsHeading: string;
  noTrainings: string;
  trainingDate: string;
  trainingDirection: string;
  trainingTopic: string;
  trainingAttendees: string;
  trainingsTotal: (count: number) => string;
  addTraining: string;
  saveTraining: string;
  trainingSaved: string;
  editRecord: string;
  /** On the partnership form: where tier, level and MOU dates are edited instead. */
  keptInDetails: string;
  editDetails: string;
  saveRecord: string;
  recordSaved: string;
  cancel: string;
  saving: string;
  choose: string;
  conflict: string;
  conflictReload: string;
  conflictReloaded: string;
  conflictDiffers: string;
  saveFailed: string;
  loadFailed: string;
  noAffiliation: string;
  fixErrors: (count: number) => string;
  errors: Record<UpkeepError, string>;
  remindersHeading: string;
  noReminders: string;
  remindersLoading: string;
  /** The button that runs the referral check (count searches) on demand. */
  checkReferrals: string;
  loading: string;
  reminders: Record<ReminderKind, (partner: string, date: string) => string>;
  referralCheckFailed: (count: number) => string;
}

export interface PatientText {
  /** The language's own name, e.g. "Español". */
  languageName: string;
  stepOut: string;
  safeTime: { open: string; yesNo: string };
  aloneRemote: { open: string; yesNo: string };
  educationScript: string[];
  cardOffer: string;
  validating: string[];
  safetyQuestions: Record<SafetyItem, { open: string; yesNo: string }>;
  goalsQuestion: string;
  consentExplain: (partner: string, until: string) => string;
  notSafeClosing: string;
  /**
   * At the next visit, asking how the referral went (the worklist's follow-up prompt). Neutral
   * on purpose: it names no program and no violence, in case someone overhears.
   */
  followUpScript: string;
  /** The discreet printable card: neutral title and labels. */
  card: { title: string; line: string; hotline: string; note: string };
}

export interface ContentPack {
  lang: string;
  staff: StaffText;
  patient: PatientText;
}
