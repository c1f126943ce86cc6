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
  consent?: { id: string; status?: string; end?: string };
  task?: {
    id: string;
    status?: string;
    businessStatus?: string;
    statusReason?: string;
    followUpDue?: string;
    lastModified?: string;
  };
}

export interface PatientHistoryData {
  education: EducationHistory[];
  referrals: ReferralHistory[];
}
