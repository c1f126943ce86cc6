// Referrals back: a partner program refers its client to the clinic (e.g. a next-day medical
// appointment). ServiceRequest + Task + Consent, written by the partner's advocate in one
// transaction; the partner is the requester, the clinic the owner (performer).
//
// Where the client's identity lives before the clinic has matched them to a Patient: in ONE
// contained Patient on the Task (Task.for = #client: name, birth date, preferred language —
// nothing else). FHIR keeps contained resources for content that cannot be identified on its
// own, which is this case; BSeR sends the Patient with the referral, SDOHCC requires Task.for.
// The ServiceRequest and the Consent name the client only by a logical reference (the same
// client-made identifier, no name), so a label-blind portal reading ServiceRequests finds no
// identity, and neither is ever in a patient compartment. When the clinic matches the client,
// Task.for points at the clinic's Patient and the contained copy goes.

CodeSystem: WrClinicService
Id: wr-clinic-service
Title: "What a partner program asks the clinic for"
Description: "The reason of a referral back from a partner program to the clinic."
* insert WrCodeSystem
* #next-day-appointment "Next-day medical appointment" "A medical appointment within a day, for immediate medical needs."
  * ^designation[0].language = #es
  * ^designation[0].value = "Cita médica para el día siguiente"
* #reproductive-sexual-health "Reproductive or sexual health" "Reproductive or sexual health care."
  * ^designation[0].language = #es
  * ^designation[0].value = "Salud reproductiva o sexual"
* #hiv-sti-testing "HIV/STI testing" "HIV or other sexually transmitted infection testing."
  * ^designation[0].language = #es
  * ^designation[0].value = "Prueba de VIH/ITS"
* #behavioral-health "Mental or behavioral health" "Mental or behavioral health care."
  * ^designation[0].language = #es
  * ^designation[0].value = "Salud mental o conductual"
* #substance-use-support "Substance use support" "Support for substance use."
  * ^designation[0].language = #es
  * ^designation[0].value = "Apoyo por consumo de sustancias"
* #prenatal-postpartum "Prenatal or postpartum care" "Care during or after pregnancy."
  * ^designation[0].language = #es
  * ^designation[0].value = "Atención prenatal o posparto"
* #enrollment-help "Enrollment help" "Help enrolling in coverage or as a patient."
  * ^designation[0].language = #es
  * ^designation[0].value = "Ayuda para inscribirse"
* #other "Other" "Something else, said in words on the Task (Task.input)."
  * ^designation[0].language = #es
  * ^designation[0].value = "Otro"

ValueSet: WrClinicServiceVS
Id: wr-clinic-service
Title: "What a partner program asks the clinic for"
Description: "All reasons of a referral back."
* insert WrValueSet
* include codes from system WrClinicService

Invariant: wr-back-1
Description: "The client is named only by the client-made identifier (a logical reference): no reference, no display."
Expression: "identifier.system = 'https://warm-referral.org/fhir/NamingSystem/wr-client-id' and identifier.value.exists() and reference.empty() and display.empty()"
Severity: #error

Invariant: wr-back-2
Description: "Before matching, the client is the one contained Patient (Task.for = #client); once matched, a Patient of the clinic and nothing contained."
Expression: "(for.reference = '#client' and contained.count() = 1 and contained.all($this is Patient)) or (for.reference.startsWith('Patient/') and contained.empty())"
Severity: #error

Invariant: wr-back-3
Description: "The contained client carries a name, a birth date and at most the preferred language: nothing else (minimum necessary)."
Expression: "contained.all(name.exists() and birthDate.exists() and telecom.empty() and address.empty() and gender.empty() and contact.empty() and photo.empty() and link.empty() and generalPractitioner.empty() and managingOrganization.empty() and extension.empty())"
Severity: #error

Profile: PartnerReferral
Parent: ServiceRequest
Id: wr-partner-referral
Title: "Referral back (partner → clinic)"
Description: "A partner program's referral of its client to the clinic. Codes only, no free text, and no identity: the client is a logical reference until the clinic matches them (on the Task)."
* insert DsvLabelled
* insert ClientIdentifier
* status MS
* intent = #order (exactly)
* intent MS
* insert IpvCategory
* code 1..1 MS
* code from WrClinicServiceVS (required)
* code.coding.display 0..0
* code.text 0..0
* subject 1..1 MS
* subject only Reference(Patient)
* subject obeys wr-back-1
* subject ^short = "The client, by the client-made identifier only (never a name)"
* authoredOn 1..1 MS
* priority 1..1 MS
* requester 1..1 MS
* requester only Reference(Organization)
* requester ^short = "The partner program"
* requester.display 0..0
* performer 1..1 MS
* performer only Reference(Organization)
* performer ^short = "The clinic"
* performer.display 0..0
* supportingInfo 1..1 MS
* supportingInfo only Reference(Consent)
* supportingInfo ^short = "The client's consent to share with the clinic (wr-partner-referral-consent)"
* note 0..0
* patientInstruction 0..0
* reasonCode 0..0
* reasonReference 0..0
* orderDetail 0..0
* doNotPerform 0..0
* encounter 0..0

Profile: PartnerReferralTask
Parent: Task
Id: wr-partner-referral-task
Title: "Referral back task"
Description: "Tracks a referral back: the partner program requests, the clinic owns and updates it (accept or decline, appointment offered or booked, completed). Holds the client's identity until matched, and the safe contact."
* insert DsvLabelled
* insert ClientIdentifier
* obeys wr-task-1 and wr-task-2 and wr-back-2 and wr-back-3
* status MS
* status from http://hl7.org/fhir/us/sdoh-clinicalcare/ValueSet/SDOHCC-ValueSetReferralTaskStatus (required)
* statusReason MS
* statusReason from WrReferralStatusReasonVS (required)
* businessStatus 1..1 MS
* businessStatus from http://hl7.org/fhir/us/bser/ValueSet/TaskBusinessStatusVS (required)
* businessStatus ^short = "BSeR TaskBusinessStatusCS code; optionally a wr-referral-outcome refinement (appointment-offered) next to it"
* intent = #order (exactly)
* intent MS
* priority 1..1 MS
* code 1..1 MS
* code = $task-code#fulfill
* focus 1..1 MS
* focus only Reference(ServiceRequest)
* for 1..1 MS
* for only Reference(Patient)
* for ^short = "#client (the contained client) until matched; then the clinic's Patient"
* for.display 0..0
* contained 0..1 MS
* contained ^short = "The client before matching (wr-back-3: name, birth date, language)"
* authoredOn 1..1 MS
* lastModified MS
* requester 1..1 MS
* requester only Reference(Organization)
* requester ^short = "The partner program"
* owner 1..1 MS
* owner only Reference(Organization)
* owner ^short = "The clinic"
* input 0..1 MS
* input ^short = "The reason in words, for 'other' only (type wr-clinic-service#other)"
* input.type from WrClinicServiceVS (required)
* input.value[x] only string
* output 0..0
* description 0..0
* extension contains WrSafeContactPreferences named safeContact 1..1 MS
* extension[safeContact] ^short = "How the clinic may reach the client: on the Task, which patient-access APIs do not return"

Profile: PartnerReferralConsent
Parent: Consent
Id: wr-partner-referral-consent
Title: "Consent to share a referral back"
Description: "The client's time-limited permission for the partner program to share the referral (name, birth date, language, safe contact) with the clinic, and only with it."
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
* patient obeys wr-back-1
* patient ^short = "The client, by the client-made identifier only"
* dateTime 1..1 MS
* organization 1..1 MS
* organization only Reference(Organization)
* organization ^short = "The partner program (custodian of the consent)"
* source[x] 1..1 MS
* source[x] ^short = "Where the consent was captured (SDOHCC requires it): the program's note of the verbal consent"
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
* provision.actor.reference ^short = "The clinic, and only it"
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
* performer 0..0

Instance: wr-example-partner-referral
InstanceOf: PartnerReferral
Title: "Example referral back: next-day medical appointment"
Usage: #example
* insert Labels
* identifier[clientId].value = "c2f0e3a4-0000-4000-8000-000000000021"
* status = #active
* intent = #order
* category[ipv] = $SDOHCC-Temp#intimate-partner-violence
* code = WrClinicService#next-day-appointment
* subject.type = "Patient"
* subject.identifier.system = $wr-id
* subject.identifier.value = "c2f0e3a4-0000-4000-8000-000000000024"
* authoredOn = "2025-03-05T09:00:00-06:00"
* priority = #urgent
* requester = Reference(Organization/wr-example-partner-org)
* performer = Reference(Organization/clinic-main)
* supportingInfo = Reference(Consent/wr-example-partner-referral-consent)

Instance: wr-example-partner-referral-client
InstanceOf: Patient
Usage: #inline
* id = "client"
* name.given = "Ana"
* name.family = "Example"
* birthDate = "1990-04-02"
* communication.language = $bcp47#es
* communication.preferred = true

Instance: wr-example-partner-referral-task
InstanceOf: PartnerReferralTask
Title: "Example referral back task (requested, client not matched yet)"
Usage: #example
* insert Labels
* identifier[clientId].value = "c2f0e3a4-0000-4000-8000-000000000022"
* contained[0] = wr-example-partner-referral-client
* status = #requested
* businessStatus = $bser-status#2.0
* intent = #order
* priority = #urgent
* code = $task-code#fulfill
* focus = Reference(ServiceRequest/wr-example-partner-referral)
* for.reference = "#client"
* authoredOn = "2025-03-05T09:00:00-06:00"
* lastModified = "2025-03-05T09:00:00-06:00"
* requester = Reference(Organization/wr-example-partner-org)
* owner = Reference(Organization/clinic-main)
* extension[safeContact].extension[safePhone].valueContactPoint.system = #phone
* extension[safeContact].extension[safePhone].valueContactPoint.value = "555-0142"
* extension[safeContact].extension[voicemailOk].valueBoolean = false

Instance: wr-example-partner-referral-consent
InstanceOf: PartnerReferralConsent
Title: "Example consent to share a referral back with the clinic"
Usage: #example
* insert Labels
* identifier[clientId].value = "c2f0e3a4-0000-4000-8000-000000000023"
* status = #active
* scope = $consentscope#patient-privacy
* category[idscl] = $v3-ActCode#IDSCL
* patient.type = "Patient"
* patient.identifier.system = $wr-id
* patient.identifier.value = "c2f0e3a4-0000-4000-8000-000000000024"
* dateTime = "2025-03-05T09:00:00-06:00"
* organization = Reference(Organization/wr-example-partner-org)
* sourceAttachment.title = "Verbal consent, recorded by partner program staff"
* sourceAttachment.creation = "2025-03-05T09:00:00-06:00"
* policyRule = $v3-ActCode#OPTIN
* provision.type = #permit
* provision.period.start = "2025-03-05T09:00:00-06:00"
* provision.period.end = "2025-04-04T09:00:00-05:00"
* provision.actor[0].role = $v3-ParticipationType#IRCP
* provision.actor[0].reference = Reference(Organization/clinic-main)
* provision.action[disclose] = $consent-action#disclose
* provision.data[0].meaning = #related
* provision.data[0].reference = Reference(ServiceRequest/wr-example-partner-referral)
