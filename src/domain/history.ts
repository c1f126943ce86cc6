// The read model of a patient's earlier universal education and referrals (History, and the
// follow-up screens), built from FHIR in src/fhir/referrals.ts.

export interface EducationHistory {
  id: string;
  date?: string;
  what: string;
  cards: { type: string; language: string; count: number }[];
  performer?: string;
}

export interface ReferralHistory {
  id: string;
  authoredOn?: string;
  status?: string;
  priority?: string;
  partner?: string;
  services: string[];
  handoff?: string;
  /** The referral says the patient must not be contacted at all (SDOHCC contacting-subject-prohibited). */
  noContact?: boolean;
  /**
   * The records of this referral that lack the R + SDV labels ("ServiceRequest/1", …): written
   * by another system, they may be visible to the patient portal until labelled.
   */
  unlabelled?: string[];
  consent?: { id: string; status?: string; end?: string };
  task?: {
    id: string;
    status?: string;
    /** The lifecycle's name for Task.businessStatus (BSeR code or our refinement). */
    businessStatus?: string;
    statusReason?: string;
    /** Task.statusReason.text: the reason in words. */
    reasonText?: string;
    /** Task.output in words. */
    outputs?: string[];
    followUpDue?: string;
    lastModified?: string;
  };
}

export interface PatientHistoryData {
  education: EducationHistory[];
  referrals: ReferralHistory[];
  /** Records the server sent that could not be read (malformed): shown as a count, never hidden. */
  unreadable: number;
}
