Extension: WrSafeContactPreferences
Id: wr-safe-contact-preferences
Title: "Safe-contact preferences"
Description: "How (and whether) a program may contact the patient safely. Set by clinic staff with the patient, in private. noContact = true mirrors the SDOHCC code contacting-subject-prohibited: the program must not reach out at all. Carried on the referral Task, never on the ServiceRequest: US Core patient-access APIs return ServiceRequests, not Tasks, so a label-blind portal cannot show the safe phone or the cover story."
* ^context[0].type = #element
* ^context[0].expression = "Task"
* obeys wr-safe-1
* extension contains
    safePhone 0..1 and
    safeTimes 0..* and
    voicemailOk 0..1 and
    mayNameAgency 0..1 and
    coverStory 0..1 and
    noContact 0..1
* extension[safePhone] ^short = "A phone number that is safe to call"
* extension[safePhone].value[x] only ContactPoint
* extension[safePhone].valueContactPoint.system 1..1
* extension[safePhone].valueContactPoint.system = #phone
* extension[safePhone].valueContactPoint.value 1..1
* extension[safeTimes] ^short = "When it is safe to call (free text, e.g. 'weekdays 9-11am')"
* extension[safeTimes].value[x] only string
* extension[voicemailOk] ^short = "May the program leave a voicemail?"
* extension[voicemailOk].value[x] only boolean
* extension[mayNameAgency] ^short = "May the caller say the name of the agency? (false: use the cover story)"
* extension[mayNameAgency].value[x] only boolean
* extension[coverStory] ^short = "What the caller says instead of naming the agency"
* extension[coverStory].value[x] only string
* extension[noContact] ^short = "The program must not contact the patient at all"
* extension[noContact].value[x] only boolean

Invariant: wr-safe-1
Description: "When noContact is true, no safe phone, safe times or voicemail permission may be given."
Expression: "extension.where(url = 'noContact' and value = true).exists() implies extension.where(url = 'safePhone' or url = 'safeTimes' or (url = 'voicemailOk' and value = true)).empty()"
Severity: #error

Extension: WrHandoffMethodExt
Id: wr-handoff-method
Title: "Handoff method"
Description: "How the clinic hands the patient off to the program."
* ^context[0].type = #element
* ^context[0].expression = "ServiceRequest"
* value[x] 1..1
* value[x] only Coding
* valueCoding from WrHandoffMethodVS (required)

Extension: WrMouReviewDate
Id: wr-mou-review-date
Title: "MOU review date"
Description: "When the memorandum of understanding between the clinic and the partner is next reviewed."
* ^context[0].type = #element
* ^context[0].expression = "OrganizationAffiliation"
* value[x] 1..1
* value[x] only date

Extension: WrSafetyCardTypes
Id: wr-safety-card-types
Title: "Safety cards offered"
Description: "One kind of universal-education safety card offered: its type, language and how many. Repeats per type and language."
* ^context[0].type = #element
* ^context[0].expression = "Procedure"
* extension contains
    type 1..1 and
    language 1..1 and
    count 0..1
* extension[type] ^short = "Card type"
* extension[type].value[x] only Coding
* extension[type].valueCoding from WrSafetyCardTypeVS (required)
* extension[language] ^short = "Card language (BCP-47, e.g. en, es)"
* extension[language].value[x] only code
* extension[count] ^short = "How many cards of this type and language"
* extension[count].value[x] only positiveInt

Extension: WrVisitSettingExt
Id: wr-visit-setting
Title: "Visit setting"
Description: "Where the conversation happened (in person, telehealth, telephone, mobile unit, school-based), for counts by setting. A code only."
* ^context[0].type = #element
* ^context[0].expression = "ServiceRequest"
* ^context[1].type = #element
* ^context[1].expression = "Procedure"
* value[x] 1..1
* value[x] only Coding
* valueCoding from WrVisitSettingVS (required)
* valueCoding.display 0..0

// ---- Partnership upkeep: all on the PartnerAffiliation (fhir-profiles/README.md says why) ----

Extension: WrPartnershipContact
Id: wr-partnership-contact
Title: "Partnership point of contact"
Description: "The person who keeps the partnership on one side (the clinic or the program): a name and a work phone or email. Staff contacts only, never a patient."
* ^context[0].type = #element
* ^context[0].expression = "OrganizationAffiliation"
* extension contains
    side 1..1 and
    name 1..1 and
    telecom 0..*
* extension[side] ^short = "clinic or program"
* extension[side].value[x] only code
* extension[side].valueCode from WrPartnershipSideVS (required)
* extension[name] ^short = "The contact's name (and role)"
* extension[name].value[x] only string
* extension[telecom] ^short = "Work phone or email"
* extension[telecom].value[x] only ContactPoint
* extension[telecom].valueContactPoint.value 1..1

Extension: WrMouDocument
Id: wr-mou-document
Title: "Signed MOU document"
Description: "Where the signed memorandum of understanding is kept (a link into the clinic's document store). The document itself is not copied into FHIR."
* ^context[0].type = #element
* ^context[0].expression = "OrganizationAffiliation"
* value[x] 1..1
* value[x] only url

Extension: WrMeetingCadenceExt
Id: wr-meeting-cadence
Title: "Partnership meeting cadence"
Description: "How often the clinic and the partner program meet about the partnership."
* ^context[0].type = #element
* ^context[0].expression = "OrganizationAffiliation"
* value[x] 1..1
* value[x] only Coding
* valueCoding from WrMeetingCadenceVS (required)

Extension: WrOnboardingStepExt
Id: wr-onboarding-step
Title: "Onboarding step done"
Description: "One step of the partnership's onboarding checklist and the date it was done. One per step done; a step not done has no extension."
* ^context[0].type = #element
* ^context[0].expression = "OrganizationAffiliation"
* extension contains
    step 1..1 and
    done 1..1
* extension[step] ^short = "Which step"
* extension[step].value[x] only code
* extension[step].valueCode from WrOnboardingStepVS (required)
* extension[done] ^short = "When it was done"
* extension[done].value[x] only date

Extension: WrCrossTraining
Id: wr-cross-training
Title: "Cross-training held"
Description: "One cross-training between the clinic and the partner program: when, who trained whom, the topic and how many attended. Counts only: no attendee names."
* ^context[0].type = #element
* ^context[0].expression = "OrganizationAffiliation"
* extension contains
    date 1..1 and
    direction 1..1 and
    topic 1..1 and
    attendees 1..1
* extension[date] ^short = "When it was held"
* extension[date].value[x] only date
* extension[direction] ^short = "Clinic staff at the program, or the program's staff at the clinic"
* extension[direction].value[x] only code
* extension[direction].valueCode from WrCrossTrainingDirectionVS (required)
* extension[topic] ^short = "What it was about"
* extension[topic].value[x] only string
* extension[attendees] ^short = "How many attended"
* extension[attendees].value[x] only positiveInt
