Invariant: wr-sec-1
Description: "DSV resources must be labelled: meta.security must contain v3-Confidentiality#R and v3-ActCode#SDV."
Expression: "meta.security.where(system = 'http://terminology.hl7.org/CodeSystem/v3-Confidentiality' and code = 'R').exists() and meta.security.where(system = 'http://terminology.hl7.org/CodeSystem/v3-ActCode' and code = 'SDV').exists()"
Severity: #error

Invariant: wr-task-1
Description: "Referral Task status is one of the SDOHCC set (SDOHCC-ValueSetReferralTaskStatus): ready and received are not used."
Expression: "status != 'ready' and status != 'received'"
Severity: #error

Invariant: wr-task-2
Description: "A reason (statusReason) is required when the status is rejected, cancelled, on-hold or failed."
Expression: "(status = 'rejected' or status = 'cancelled' or status = 'on-hold' or status = 'failed') implies statusReason.exists()"
Severity: #error

Invariant: wr-sr-3
Description: "The referral code carries a SNOMED CT coding next to ours (SDOHCC ServiceRequest.code binds to US Core procedure codes)."
Expression: "code.coding.where(system = 'http://snomed.info/sct').exists()"
Severity: #error

Invariant: wr-sr-1
Description: "With a performer, the performer includes the partner Organization and the referral carries the patient's consent (supportingInfo)."
Expression: "performer.exists() implies (performer.where(reference.startsWith('Organization/') or reference.contains('/Organization/') or type = 'Organization').exists() and supportingInfo.exists())"
Severity: #error

Invariant: wr-sr-2
Description: "Without a partner (no performer) the handoff is the hotline or a card only: nothing is shared."
Expression: "performer.empty() implies extension.where(url = 'https://warm-referral.org/fhir/StructureDefinition/wr-handoff-method').value.where(code = 'hotline' or code = 'card-only').exists()"
Severity: #error

Invariant: wr-consent-1
Description: "Consent to share must be time-limited: provision.period.end is required."
Expression: "provision.period.end.exists()"
Severity: #error

Invariant: wr-consent-2
Description: "Consent to share ends after it starts."
Expression: "provision.period.start.exists() and provision.period.end.exists() implies provision.period.start <= provision.period.end"
Severity: #error

Invariant: wr-ue-1
Description: "Universal education that was completed records which cards were offered."
Expression: "status = 'completed' implies extension.where(url = 'https://warm-referral.org/fhir/StructureDefinition/wr-safety-card-types').exists()"
Severity: #error

Invariant: wr-org-1
Description: "A partner Organization has a partner type from the wr-partner-type code system."
Expression: "type.coding.where(system = 'https://warm-referral.org/fhir/CodeSystem/wr-partner-type').exists()"
Severity: #error

Invariant: wr-aff-1
Description: "A partner affiliation has exactly one participation tier and one collaboration level in code."
Expression: "code.coding.where(system = 'https://warm-referral.org/fhir/CodeSystem/wr-participation-tier').count() = 1 and code.coding.where(system = 'https://warm-referral.org/fhir/CodeSystem/wr-collaboration-level').count() = 1"
Severity: #error

Invariant: wr-aff-2
Description: "The MOU period ends after it starts."
Expression: "period.start.exists() and period.end.exists() implies period.start <= period.end"
Severity: #error
