// Search parameters over the extensions the app's records carry, so a server can count the
// de-identified report's breakdowns (docs/reports.md, "By setting and by language") with
// `_summary=count`. The report uses them only when the server's CapabilityStatement lists
// them; otherwise it says the breakdown is not available on this server.

Instance: wr-visit-setting
InstanceOf: SearchParameter
Usage: #definition
* url = "https://warm-referral.org/fhir/SearchParameter/wr-visit-setting"
* name = "WrVisitSetting"
* status = #draft
* description = "Where the conversation happened (extension wr-visit-setting): in person, telehealth video, telephone, mobile unit or school-based. On warm-referral ServiceRequests and universal-education Procedures."
* code = #visit-setting
* base[0] = #ServiceRequest
* base[1] = #Procedure
* type = #token
* expression = "ServiceRequest.extension('https://warm-referral.org/fhir/StructureDefinition/wr-visit-setting').value | Procedure.extension('https://warm-referral.org/fhir/StructureDefinition/wr-visit-setting').value"
* xpathUsage = #normal

Instance: wr-card-language
InstanceOf: SearchParameter
Usage: #definition
* url = "https://warm-referral.org/fhir/SearchParameter/wr-card-language"
* name = "WrCardLanguage"
* status = #draft
* description = "A language a safety card was offered in (extension wr-safety-card-types, part language) on a universal-education Procedure."
* code = #card-language
* base[0] = #Procedure
* type = #token
* expression = "Procedure.extension('https://warm-referral.org/fhir/StructureDefinition/wr-safety-card-types').extension('language').value"
* xpathUsage = #normal
