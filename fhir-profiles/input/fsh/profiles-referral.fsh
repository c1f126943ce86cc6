// Profiles of the DSV records the app writes. All are labelled (wr-sec-1) and carry a
// client-made identifier used for conditional create (ifNoneExist), so retries never duplicate.

RuleSet: DsvLabelled
* obeys wr-sec-1
* meta 1..1 MS
* meta.security 2..* MS
* meta.security ^short = "R + SDV required; NOPAT unless the clinic's policy turns it off"

RuleSet: ClientIdentifier
* identifier 1..* MS
* identifier ^slicing.discriminator.type = #value
* identifier ^slicing.discriminator.path = "system"
* identifier ^slicing.rules = #open
* identifier ^slicing.description = "The client-made identifier used for idempotent (conditional) create"
* identifier contains clientId 1..1 MS
* identifier[clientId].system 1..1
* identifier[clientId].system = "https://warm-referral.org/fhir/NamingSystem/wr-client-id" (exactly)
* identifier[clientId].value 1..1

RuleSet: IpvCategory
* category 1..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains ipv 1..1 MS
// Code only: no display, no text (label-blind portals show them). The SDOHCC code itself stays:
// a written decision, see docs/privacy.md.
* category[ipv] = $SDOHCC-Temp#intimate-partner-violence
* category[ipv].coding.display 0..0
* category[ipv].text 0..0

Profile: WarmReferral
Parent: ServiceRequest
Id: wr-warm-referral
Title: "Warm referral"
Description: "A confidential warm referral from the clinic to a partner DSV advocacy program (minimum necessary data), or a hotline-only / card-only handoff with no partner. Returned by US Core patient-access APIs, so it carries codes without displays and no free text or safe-contact detail (those live on the Task)."
* insert DsvLabelled
* insert ClientIdentifier
* obeys wr-sr-1 and wr-sr-2
* status MS
* intent = #order (exactly)
* intent MS
* insert IpvCategory
* obeys wr-sr-3
* code 1..1 MS
* code = WrActivity#community-referral
* code ^short = "Our code and a SNOMED CT coding (wr-sr-3; see fhir-profiles/README.md)"
* code.coding.display 0..0
* code.text 0..0
* orderDetail MS
* orderDetail.coding.display 0..0
* orderDetail.text 0..0
* orderDetail ^short = "Services requested; SDOHCC contacting-subject-prohibited for no contact at all"
* orderDetail from WrOrderDetailVS (required)
* subject 1..1 MS
* subject only Reference(Patient)
* encounter MS
* authoredOn 1..1 MS
* priority 1..1 MS
* requester 1..1 MS
* requester only Reference(Practitioner or PractitionerRole or Organization)
* performer 0..* MS
* performer only Reference(Organization or HealthcareService)
* performer ^short = "The partner program; absent only for a hotline-only or card-only handoff (wr-sr-2)"
* performer.display 0..0
* requester.display 0..0
* supportingInfo 0..* MS
* supportingInfo only Reference(Consent)
* supportingInfo ^short = "The patient's consent to share (wr-referral-consent); required with a partner (wr-sr-1)"
* extension contains
    WrHandoffMethodExt named handoffMethod 1..1 MS and
    WrVisitSettingExt named setting 0..1 MS
* note 0..0
* patientInstruction 0..0
* reasonCode 0..0
* reasonReference 0..0
* doNotPerform 0..0

Profile: ReferralTask
Parent: Task
Id: wr-referral-task
Title: "Referral task"
Description: "Tracks a warm referral: the clinic requests, the partner program owns and updates it (SDOHCC referral pattern)."
* insert DsvLabelled
* insert ClientIdentifier
* obeys wr-task-1 and wr-task-2
* status MS
* status from http://hl7.org/fhir/us/sdoh-clinicalcare/ValueSet/SDOHCC-ValueSetReferralTaskStatus (required)
* statusReason MS
* statusReason from WrReferralStatusReasonVS (required)
* statusReason.text 1..1 MS
* statusReason.text ^short = "The reason in words (SDOHCC: required whenever there is a statusReason)"
* businessStatus MS
* businessStatus from http://hl7.org/fhir/us/bser/ValueSet/TaskBusinessStatusVS (required)
* businessStatus ^short = "BSeR TaskBusinessStatusCS code; optionally a wr-referral-outcome refinement next to it"
* intent = #order (exactly)
* intent MS
* code 1..1 MS
* code = $task-code#fulfill
* focus 1..1 MS
* focus only Reference(ServiceRequest)
* for 1..1 MS
* for only Reference(Patient)
* authoredOn 1..1 MS
* lastModified MS
* requester 1..1 MS
* requester only Reference(PractitionerRole or Organization)
* requester ^short = "The referring PractitionerRole or the clinic Organization (SDOHCC)"
* owner 1..1 MS
* owner only Reference(Organization or PractitionerRole or HealthcareService)
* owner ^short = "The partner program; the clinic itself for a hotline-only or card-only handoff"
* output MS
* description 0..0
* extension contains WrSafeContactPreferences named safeContact 0..1 MS
* extension[safeContact] ^short = "How the partner may reach the patient: on the Task, which patient-access APIs do not return (never on the ServiceRequest)"

Profile: ReferralConsent
Parent: Consent
Id: wr-referral-consent
Title: "Referral consent"
Description: "The patient's time-limited permission for the clinic to share the referral with one partner program."
* insert DsvLabelled
* insert ClientIdentifier
* obeys wr-consent-1 and wr-consent-2
* status MS
* scope = $consentscope#patient-privacy
* category 1..* MS
* category ^slicing.discriminator.type = #pattern
* category ^slicing.discriminator.path = "$this"
* category ^slicing.rules = #open
* category contains idscl 1..1 MS
* category[idscl] = $v3-ActCode#IDSCL
* patient 1..1 MS
* dateTime 1..1 MS
* organization 1..1 MS
* organization ^short = "The clinic (custodian of the consent)"
* source[x] 1..1 MS
* source[x] ^short = "Where the consent was captured (SDOHCC requires it): the clinic's note of the verbal consent"
* policyRule 1..1 MS
* policyRule = $v3-ActCode#OPTIN
* provision 1..1 MS
* provision.type 1..1 MS
* provision.type = #permit
* provision.period 1..1 MS
* provision.period.start 1..1 MS
* provision.period.end 1..1 MS
* provision.actor 1..1 MS
* provision.actor.role = $v3-ParticipationType#IRCP
* provision.actor.reference only Reference(Organization)
* provision.actor.reference ^short = "The partner program, and only it"
* provision.action 1..* MS
* provision.action ^slicing.discriminator.type = #pattern
* provision.action ^slicing.discriminator.path = "$this"
* provision.action ^slicing.rules = #open
* provision.action contains disclose 1..1 MS
* provision.action[disclose] = $consent-action#disclose
* provision.data 1..* MS
* provision.data.meaning = #related
* provision.data.reference only Reference(ServiceRequest)
* provision.provision 0..0

Profile: UniversalEducation
Parent: Procedure
Id: wr-universal-education
Title: "Universal education offered"
Description: "Records that universal education about relationships and health (safety cards) was offered. Offered to everyone; implies no disclosure and carries no reason or finding."
* insert DsvLabelled
* insert ClientIdentifier
* obeys wr-ue-1
* status MS
* code 1..1 MS
* code = WrActivity#universal-education
* code.coding.display 0..0
* code.text 0..0
* subject 1..1 MS
* subject only Reference(Patient)
* encounter MS
* performed[x] 1..1 MS
* performed[x] only dateTime
* performer 1..* MS
* performer.actor only Reference(Practitioner or PractitionerRole)
* extension contains
    WrSafetyCardTypes named cards 0..* MS and
    WrVisitSettingExt named setting 0..1 MS
* reasonCode 0..0
* reasonReference 0..0
* outcome 0..0
* report 0..0
* complication 0..0
* complicationDetail 0..0
* followUp 0..0
* note 0..0
* focalDevice 0..0
* usedReference 0..0

Profile: IncomingReferral
Parent: ServiceRequest
Id: wr-incoming-referral
Title: "Incoming referral"
Description: "A referral from a partner program to the clinic, e.g. a next-day medical appointment."
* insert DsvLabelled
* insert ClientIdentifier
* status MS
* intent = #order (exactly)
* intent MS
* insert IpvCategory
* code 1..1 MS
* code from WrIncomingServiceVS (required)
* subject 1..1 MS
* subject only Reference(Patient)
* authoredOn 1..1 MS
* priority 1..1 MS
* requester 1..1 MS
* requester only Reference(Organization or PractitionerRole or Practitioner)
* requester ^short = "The partner program (or its advocate)"
* performer 1..* MS
* performer only Reference(Organization or HealthcareService or PractitionerRole)
* performer ^short = "The clinic"
* occurrence[x] MS
* occurrence[x] only dateTime or Period
* occurrence[x] ^short = "When the patient should be seen (e.g. within a day)"
* supportingInfo only Reference(Consent)
* note 0..0
* patientInstruction 0..0
* doNotPerform 0..0

Profile: IncomingReferralTask
Parent: Task
Id: wr-incoming-referral-task
Title: "Incoming referral task"
Description: "Tracks an incoming referral: the partner requests, the clinic owns and updates it."
* insert DsvLabelled
* insert ClientIdentifier
* obeys wr-task-1 and wr-task-2
* status MS
* status from http://hl7.org/fhir/us/sdoh-clinicalcare/ValueSet/SDOHCC-ValueSetReferralTaskStatus (required)
* statusReason MS
* statusReason from WrReferralStatusReasonVS (required)
* statusReason.text 1..1 MS
* statusReason.text ^short = "The reason in words (SDOHCC: required whenever there is a statusReason)"
* businessStatus MS
* businessStatus from http://hl7.org/fhir/us/bser/ValueSet/TaskBusinessStatusVS (required)
* businessStatus ^short = "BSeR TaskBusinessStatusCS code; optionally a wr-referral-outcome refinement next to it"
* intent = #order (exactly)
* intent MS
* code 1..1 MS
* code = $task-code#fulfill
* focus 1..1 MS
* focus only Reference(ServiceRequest)
* for 1..1 MS
* for only Reference(Patient)
* authoredOn 1..1 MS
* requester 1..1 MS
* requester only Reference(Organization or PractitionerRole)
* owner 1..1 MS
* owner only Reference(Organization or PractitionerRole or HealthcareService)
* output MS
* description 0..0
* extension contains WrSafeContactPreferences named safeContact 1..1 MS
* extension[safeContact] ^short = "How the clinic may reach the patient: on the Task, which patient-access APIs do not return"
