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
