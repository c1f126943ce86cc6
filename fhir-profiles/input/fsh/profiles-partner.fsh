// Partner directory: not DSV care of a patient, so not labelled.

Profile: PartnerOrganization
Parent: Organization
Id: wr-partner-organization
Title: "Partner organization"
Description: "A DSV advocacy program (or other partner) in the clinic's partner directory."
* obeys wr-org-1
* active 1..1 MS
* type 1..* MS
* type from WrPartnerTypeVS (extensible)
* name 1..1 MS
* telecom MS
* address MS
* address ^short = "Public/administrative address only: never a shelter location"
* contact MS
* endpoint MS
* endpoint only Reference(Endpoint)

Profile: PartnerService
Parent: HealthcareService
Id: wr-partner-service
Title: "Partner service"
Description: "What a partner program offers: services, hours (incl. 24/7), languages, eligibility and how to reach it (phone, chat, walk-in)."
* active 1..1 MS
* providedBy 1..1 MS
* providedBy only Reference(Organization)
* type 1..* MS
* type from WrDsvServicesVS (required)
* name 1..1 MS
* telecom MS
* telecom ^short = "phone = call; url = chat or web contact"
* communication 1..* MS
* communication ^short = "Languages served (BCP-47)"
* eligibility MS
* availableTime MS
* availableTime ^short = "Hours; allDay on all seven days means 24/7"
* appointmentRequired MS
* appointmentRequired ^short = "false = walk-in welcome"
* referralMethod MS
* endpoint MS
* endpoint only Reference(Endpoint)
* location MS

Profile: PartnerAffiliation
Parent: OrganizationAffiliation
Id: wr-partner-affiliation
Title: "Partner affiliation"
Description: "The partnership between the clinic (organization) and a partner program (participatingOrganization): participation tier, collaboration level, MOU period, review date and signed document, meeting cadence, a point of contact on each side, the onboarding steps done and the cross-trainings held."
* obeys wr-aff-1 and wr-aff-2
* active 1..1 MS
* organization 1..1 MS
* organization only Reference(Organization)
* organization ^short = "The clinic"
* participatingOrganization 1..1 MS
* participatingOrganization only Reference(Organization)
* participatingOrganization ^short = "The partner program"
* code 2..* MS
* code ^short = "Participation tier (wr-participation-tier) and collaboration level (wr-collaboration-level)"
* period MS
* period ^short = "The MOU period"
* extension contains
    WrMouReviewDate named mouReviewDate 0..1 MS and
    WrMouDocument named mouDocument 0..1 MS and
    WrMeetingCadenceExt named meetingCadence 0..1 MS and
    WrPartnershipContact named pointOfContact 0..2 MS and
    WrOnboardingStepExt named onboardingStep 0..* MS and
    WrCrossTraining named crossTraining 0..* MS
* healthcareService MS
* healthcareService only Reference(HealthcareService)
* endpoint MS
* endpoint only Reference(Endpoint)
* telecom MS

Profile: PartnerEndpoint
Parent: Endpoint
Id: wr-partner-endpoint
Title: "Partner endpoint"
Description: "Where a partner program accepts referrals electronically (FHIR REST)."
* status MS
* connectionType = $endpoint-connection-type#hl7-fhir-rest
* managingOrganization 1..1 MS
* managingOrganization only Reference(Organization)
* name 1..1 MS
* payloadType MS
* address MS
