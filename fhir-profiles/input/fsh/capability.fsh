// What the Warm Referral app needs from an EHR's FHIR R4 server. The sandbox's /metadata must
// satisfy it; the IT diagnostics screen compares a server's CapabilityStatement against it.

RuleSet: Res(type)
* rest[0].resource[+].type = #{type}
* rest[0].resource[=].interaction[0].code = #read
* rest[0].resource[=].interaction[1].code = #search-type

RuleSet: Writable
* rest[0].resource[=].interaction[2].code = #create
* rest[0].resource[=].interaction[3].code = #update
* rest[0].resource[=].versioning = #versioned-update
* rest[0].resource[=].conditionalCreate = true

RuleSet: SP(name, type, def)
* rest[0].resource[=].searchParam[+].name = "{name}"
* rest[0].resource[=].searchParam[=].type = #{type}
* rest[0].resource[=].searchParam[=].definition = "http://hl7.org/fhir/SearchParameter/{def}"

RuleSet: CommonSP
* insert SP(_id, token, Resource-id)
* insert SP(_security, token, Resource-security)

Instance: wr-ehr-requirements
InstanceOf: CapabilityStatement
Title: "Warm Referral: EHR server requirements"
Usage: #definition
* url = "https://warm-referral.org/fhir/CapabilityStatement/wr-ehr-requirements"
* name = "WarmReferralEhrRequirements"
* title = "Warm Referral: what the app needs from an EHR's FHIR server"
* status = #draft
* experimental = false
* date = "2025-01-01"
* publisher = "Warm Referral contributors"
* description = "Requirements (kind = requirements) of the Warm Referral SMART app on the EHR's FHIR R4 server: SMART on FHIR security; read and search on the listed resources; create and versioned update (If-Match) with conditional create (If-None-Exist) on the records the app writes; transaction Bundles; the search parameters listed; _include, _revinclude, _count and _summary."
* kind = #requirements
* fhirVersion = #4.0.1
* format[0] = #json
* rest[0].mode = #server
* rest[0].documentation = "Every write of DSV records is one transaction Bundle (labels never half-applied); resources are created with If-None-Exist on the client-made identifier and Task updates use If-Match. Searches use _include/_revinclude, _count and _summary."
* rest[0].security.cors = true
* rest[0].security.service = http://terminology.hl7.org/CodeSystem/restful-security-service#SMART-on-FHIR
* rest[0].security.description = "SMART App Launch 2 (EHR launch and standalone launch, PKCE); /.well-known/smart-configuration; scopes patient/*.rs, user/*.rs and create/update on the written resources."
* rest[0].interaction[0].code = #transaction
// No system-level search: the app always searches one resource type (most EHRs, and the
// sandbox, do not offer search-system).
// Patient context
* insert Res(Patient)
* insert CommonSP
* insert Res(Practitioner)
* insert CommonSP
* insert Res(PractitionerRole)
* insert CommonSP
* insert SP(practitioner, reference, PractitionerRole-practitioner)
* insert SP(organization, reference, PractitionerRole-organization)
* insert Res(Encounter)
* insert CommonSP
* insert SP(patient, reference, clinical-patient)
* insert SP(subject, reference, Encounter-subject)
* insert SP(status, token, Encounter-status)
// Partner directory
* insert Res(Organization)
* insert Writable
* rest[0].resource[=].supportedProfile[0] = Canonical(PartnerOrganization)
* insert CommonSP
* insert SP(active, token, Organization-active)
* insert Res(HealthcareService)
* insert Writable
* rest[0].resource[=].supportedProfile[0] = Canonical(PartnerService)
* insert CommonSP
* insert SP(organization, reference, HealthcareService-organization)
* insert SP(active, token, HealthcareService-active)
* insert Res(OrganizationAffiliation)
* insert Writable
* rest[0].resource[=].supportedProfile[0] = Canonical(PartnerAffiliation)
* insert CommonSP
* insert SP(primary-organization, reference, OrganizationAffiliation-primary-organization)
* insert SP(participating-organization, reference, OrganizationAffiliation-participating-organization)
* insert SP(active, token, OrganizationAffiliation-active)
* rest[0].resource[=].searchInclude[0] = "OrganizationAffiliation:participating-organization"
* rest[0].resource[=].searchInclude[1] = "OrganizationAffiliation:service"
* rest[0].resource[=].searchInclude[2] = "OrganizationAffiliation:endpoint"
* insert Res(Endpoint)
* insert Writable
* rest[0].resource[=].supportedProfile[0] = Canonical(PartnerEndpoint)
* insert CommonSP
* insert SP(organization, reference, Endpoint-organization)
// DSV records
* insert Res(ServiceRequest)
* insert Writable
* rest[0].resource[=].supportedProfile[0] = Canonical(WarmReferral)
* rest[0].resource[=].supportedProfile[1] = Canonical(IncomingReferral)
* insert CommonSP
* insert SP(patient, reference, clinical-patient)
* insert SP(subject, reference, ServiceRequest-subject)
* insert SP(status, token, ServiceRequest-status)
* insert SP(requester, reference, ServiceRequest-requester)
* insert SP(performer, reference, ServiceRequest-performer)
* insert SP(identifier, token, clinical-identifier)
* rest[0].resource[=].searchRevInclude[0] = "Task:focus"
* insert Res(Task)
* insert Writable
* rest[0].resource[=].supportedProfile[0] = Canonical(ReferralTask)
* rest[0].resource[=].supportedProfile[1] = Canonical(IncomingReferralTask)
* insert CommonSP
* insert SP(patient, reference, Task-patient)
* insert SP(subject, reference, Task-subject)
* insert SP(status, token, Task-status)
* insert SP(owner, reference, Task-owner)
* insert SP(requester, reference, Task-requester)
* insert SP(focus, reference, Task-focus)
* insert SP(identifier, token, Task-identifier)
* rest[0].resource[=].searchInclude[0] = "Task:focus"
* rest[0].resource[=].searchInclude[1] = "Task:owner"
* insert Res(Consent)
* insert Writable
* rest[0].resource[=].supportedProfile[0] = Canonical(ReferralConsent)
* insert CommonSP
* insert SP(patient, reference, clinical-patient)
* insert SP(status, token, Consent-status)
* insert SP(identifier, token, clinical-identifier)
* insert Res(Procedure)
* insert Writable
* rest[0].resource[=].supportedProfile[0] = Canonical(UniversalEducation)
* insert CommonSP
* insert SP(patient, reference, clinical-patient)
* insert SP(subject, reference, Procedure-subject)
* insert SP(status, token, Procedure-status)
* insert SP(identifier, token, clinical-identifier)
// Parameters the app uses on every search type
* rest[0].searchParam[0].name = "_count"
* rest[0].searchParam[0].type = #number
* rest[0].searchParam[1].name = "_summary"
* rest[0].searchParam[1].type = #token
* rest[0].searchParam[2].name = "_include"
* rest[0].searchParam[2].type = #special
* rest[0].searchParam[3].name = "_revinclude"
* rest[0].searchParam[3].type = #special
