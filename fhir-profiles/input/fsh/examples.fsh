// One valid example per profile. Synthetic data only. Invalid examples live outside the IG,
// in fhir-profiles/examples-invalid/ (see README.md).

RuleSet: Labels
* meta.security[0] = $v3-Confidentiality#R
* meta.security[1] = $v3-ActCode#SDV
* meta.security[2] = $v3-ActCode#NOPAT

Instance: wr-example-partner-org
InstanceOf: PartnerOrganization
Title: "Example partner: Safe Harbor"
Usage: #example
* active = true
* type = WrPartnerType#dual-program
* name = "Safe Harbor Advocacy Center"
* telecom[0].system = #phone
* telecom[0].value = "555-0100"
* telecom[0].use = #work
* address.city = "Springfield"
* address.state = "IL"
* endpoint = Reference(Endpoint/wr-example-partner-endpoint)

Instance: wr-example-partner-service
InstanceOf: PartnerService
Title: "Example partner service: 24/7 hotline and advocacy"
Usage: #example
* active = true
* providedBy = Reference(Organization/wr-example-partner-org)
* type[0] = WrDsvServices#hotline-24h
* type[1] = WrDsvServices#drop-in-safety-planning
* type[2] = WrDsvServices#legal-advocacy
* name = "Safe Harbor hotline and advocacy"
* telecom[0].system = #phone
* telecom[0].value = "555-0101"
* telecom[1].system = #url
* telecom[1].value = "https://chat.example.org/safe-harbor"
* communication[0] = $bcp47#en
* communication[1] = $bcp47#es
* eligibility[0].code.text = "Adults and teens 16+ affected by domestic or sexual violence"
* availableTime[0].daysOfWeek[0] = #mon
* availableTime[0].daysOfWeek[1] = #tue
* availableTime[0].daysOfWeek[2] = #wed
* availableTime[0].daysOfWeek[3] = #thu
* availableTime[0].daysOfWeek[4] = #fri
* availableTime[0].daysOfWeek[5] = #sat
* availableTime[0].daysOfWeek[6] = #sun
* availableTime[0].allDay = true
* appointmentRequired = false
* referralMethod[0] = http://terminology.hl7.org/CodeSystem/service-referral-method#phone
* referralMethod[1] = http://terminology.hl7.org/CodeSystem/service-referral-method#elec

Instance: wr-example-partner-affiliation
InstanceOf: PartnerAffiliation
Title: "Example partnership: tier 2, collaborative"
Usage: #example
* active = true
* organization = Reference(Organization/clinic-main)
* participatingOrganization = Reference(Organization/wr-example-partner-org)
* code[0] = WrParticipationTier#2 "Referral"
* code[1] = WrCollaborationLevel#collaborative "Collaborative"
* period.start = "2025-01-01"
* period.end = "2026-12-31"
* extension[mouReviewDate].valueDate = "2026-06-30"
* extension[mouDocument].valueUrl = "https://docs.riverside-chc.example.org/mou/safe-harbor-2025.pdf"
* extension[meetingCadence].valueCoding = WrMeetingCadence#quarterly
* extension[pointOfContact][0].extension[side].valueCode = #clinic
* extension[pointOfContact][0].extension[name].valueString = "Dana Okafor, partnership lead"
* extension[pointOfContact][0].extension[telecom].valueContactPoint.system = #email
* extension[pointOfContact][0].extension[telecom].valueContactPoint.value = "partnerships@riverside-chc.example.org"
* extension[pointOfContact][1].extension[side].valueCode = #program
* extension[pointOfContact][1].extension[name].valueString = "Program director"
* extension[pointOfContact][1].extension[telecom].valueContactPoint.system = #phone
* extension[pointOfContact][1].extension[telecom].valueContactPoint.value = "503-555-0150"
* extension[onboardingStep][0].extension[step].valueCode = #internal-lead
* extension[onboardingStep][0].extension[done].valueDate = "2024-11-01"
* extension[onboardingStep][1].extension[step].valueCode = #mou-privacy-review
* extension[onboardingStep][1].extension[done].valueDate = "2024-12-10"
* extension[crossTraining][0].extension[date].valueDate = "2025-03-12"
* extension[crossTraining][0].extension[direction].valueCode = #program-at-clinic
* extension[crossTraining][0].extension[topic].valueString = "Universal education and warm handoffs"
* extension[crossTraining][0].extension[attendees].valuePositiveInt = 14
* healthcareService = Reference(HealthcareService/wr-example-partner-service)

Instance: wr-example-partner-endpoint
InstanceOf: PartnerEndpoint
Title: "Example partner endpoint"
Usage: #example
* status = #active
* name = "Safe Harbor referral intake (FHIR)"
* managingOrganization = Reference(Organization/wr-example-partner-org)
* payloadType = http://hl7.org/fhir/resource-types#ServiceRequest
* address = "https://fhir.safe-harbor.example.org/fhir"

Instance: wr-example-consent
InstanceOf: ReferralConsent
Title: "Example referral consent (90 days, Safe Harbor only)"
Usage: #example
* insert Labels
* identifier[clientId].value = "c2f0e3a4-0000-4000-8000-000000000001"
* status = #active
* patient = Reference(Patient/pat-maria)
* dateTime = "2025-03-04T10:15:00-06:00"
* organization = Reference(Organization/clinic-main)
* performer = Reference(Patient/pat-maria)
* sourceAttachment.title = "Verbal consent, recorded by clinic staff"
* sourceAttachment.creation = "2025-03-04T10:15:00-06:00"
* provision.type = #permit
* provision.period.start = "2025-03-04T10:15:00-06:00"
* provision.period.end = "2025-06-02T23:59:59-05:00"
* provision.actor[0].reference = Reference(Organization/wr-example-partner-org)
* provision.data[0].reference = Reference(ServiceRequest/wr-example-warm-referral)

Instance: wr-example-warm-referral
InstanceOf: WarmReferral
Title: "Example warm referral to Safe Harbor"
Usage: #example
* insert Labels
* identifier[clientId].value = "c2f0e3a4-0000-4000-8000-000000000002"
* status = #active
* code.coding[0] = WrActivity#community-referral
* code.coding[1] = $sct#306206005
* orderDetail[0] = WrDsvServices#drop-in-safety-planning
* orderDetail[1] = WrDsvServices#legal-advocacy
* subject = Reference(Patient/pat-maria)
* encounter = Reference(Encounter/enc-maria-1)
* authoredOn = "2025-03-04T10:20:00-06:00"
* priority = #urgent
* requester = Reference(Practitioner/prov-rivera)
* performer[0] = Reference(Organization/wr-example-partner-org)
* performer[1] = Reference(HealthcareService/wr-example-partner-service)
* supportingInfo = Reference(Consent/wr-example-consent)
* extension[handoffMethod].valueCoding = WrHandoffMethod#call-together

Instance: wr-example-referral-task
InstanceOf: ReferralTask
Title: "Example referral task (as the clinic sends it: requested, created)"
Usage: #example
* insert Labels
* identifier[clientId].value = "c2f0e3a4-0000-4000-8000-000000000003"
* status = #requested
* businessStatus = $bser-status#2.0
* intent = #order
* code = $task-code#fulfill
* focus = Reference(ServiceRequest/wr-example-warm-referral)
* for = Reference(Patient/pat-maria)
* authoredOn = "2025-03-04T10:20:00-06:00"
* lastModified = "2025-03-04T10:20:00-06:00"
* requester = Reference(Organization/clinic-main)
* owner = Reference(Organization/wr-example-partner-org)
* extension[safeContact].extension[safePhone].valueContactPoint.system = #phone
* extension[safeContact].extension[safePhone].valueContactPoint.value = "555-0199"
* extension[safeContact].extension[safeTimes][0].valueString = "Weekdays 9-11am"
* extension[safeContact].extension[voicemailOk].valueBoolean = false
* extension[safeContact].extension[mayNameAgency].valueBoolean = false
* extension[safeContact].extension[coverStory].valueString = "Calling from the clinic about your appointment"

Instance: wr-example-universal-education
InstanceOf: UniversalEducation
Title: "Example universal education (two cards, English and Spanish)"
Usage: #example
* insert Labels
* identifier[clientId].value = "c2f0e3a4-0000-4000-8000-000000000004"
* status = #completed
* code = WrActivity#universal-education
* subject = Reference(Patient/pat-maria)
* encounter = Reference(Encounter/enc-maria-1)
* performedDateTime = "2025-03-04T10:05:00-06:00"
* performer[0].actor = Reference(PractitionerRole/ma-chen-role)
* extension[cards][0].extension[type].valueCoding = WrSafetyCardType#healthy-relationships
* extension[cards][0].extension[language].valueCode = #en
* extension[cards][0].extension[count].valuePositiveInt = 1
* extension[cards][1].extension[type].valueCoding = WrSafetyCardType#healthy-relationships
* extension[cards][1].extension[language].valueCode = #es
* extension[cards][1].extension[count].valuePositiveInt = 1

Instance: wr-example-incoming-referral
InstanceOf: IncomingReferral
Title: "Example incoming referral: next-day medical appointment"
Usage: #example
* insert Labels
* identifier[clientId].value = "c2f0e3a4-0000-4000-8000-000000000005"
* status = #active
* code = WrActivity#medical-appointment
* subject = Reference(Patient/pat-maria)
* authoredOn = "2025-03-05T09:00:00-06:00"
* priority = #urgent
* requester = Reference(Organization/wr-example-partner-org)
* performer = Reference(Organization/clinic-main)
* occurrencePeriod.start = "2025-03-06T08:00:00-06:00"
* occurrencePeriod.end = "2025-03-06T17:00:00-06:00"

Instance: wr-example-incoming-referral-task
InstanceOf: IncomingReferralTask
Title: "Example incoming referral task (requested)"
Usage: #example
* insert Labels
* identifier[clientId].value = "c2f0e3a4-0000-4000-8000-000000000006"
* status = #requested
* businessStatus = $bser-status#2.0
* intent = #order
* code = $task-code#fulfill
* focus = Reference(ServiceRequest/wr-example-incoming-referral)
* for = Reference(Patient/pat-maria)
* authoredOn = "2025-03-05T09:00:00-06:00"
* requester = Reference(Organization/wr-example-partner-org)
* owner = Reference(Organization/clinic-main)
* extension[safeContact].extension[noContact].valueBoolean = true

Instance: wr-example-hotline-handoff
InstanceOf: WarmReferral
Title: "Example hotline-only handoff: no partner, nothing shared"
Usage: #example
* insert Labels
* identifier[clientId].value = "c2f0e3a4-0000-4000-8000-000000000007"
* status = #active
* code.coding[0] = WrActivity#community-referral
* code.coding[1] = $sct#306206005
* orderDetail[0] = WrDsvServices#hotline-24h
* subject = Reference(Patient/pat-maria)
* authoredOn = "2025-03-04T22:40:00-06:00"
* priority = #asap
* requester = Reference(Practitioner/prov-rivera)
* extension[handoffMethod].valueCoding = WrHandoffMethod#hotline
* extension[setting].valueCoding = WrVisitSetting#mobile-unit
