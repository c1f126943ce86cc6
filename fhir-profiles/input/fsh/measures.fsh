// FHIR Measures of the de-identified partnership report (docs/reports.md). Generated from the
// same definitions the app shows (src/features/reports/definitions.ts); keep the three in step.
// Every count below the clinic's threshold is suppressed, with complementary suppression.

Instance: wr-education-offered
InstanceOf: Measure
Usage: #definition
* url = "https://warm-referral.org/fhir/Measure/wr-education-offered"
* name = "WrEducationOffered"
* title = "Universal education offered"
* status = #draft
* experimental = false
* description = "Universal-education Procedures (code wr-activity#universal-education, status completed) performed in the period (Procedure.performed, by month). Every offer counts, with or without a disclosure. Also by visit setting (SearchParameter wr-visit-setting) and by card language (wr-card-language) when the server lists them; the share of visits is Measure wr-education-share."
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#cohort
* type = http://terminology.hl7.org/CodeSystem/measure-type#process
* disclaimer = "Aggregate and de-identified: counts below the threshold of the clinic (default 11) are suppressed, with complementary suppression."
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#initial-population
* group[0].population[0].description = "Universal-education Procedures (code wr-activity#universal-education, status completed) performed in the period (Procedure.performed, by month)."
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Universal-education Procedures (code wr-activity#universal-education, status completed) performed in the period (Procedure.performed, by month)."
* group[0].stratifier[0].code.text = "month"
* group[0].stratifier[0].description = "By the month (UTC) the record was made."
* group[0].stratifier[1].code.text = "visit-setting"
* group[0].stratifier[1].description = "By the visit setting (extension wr-visit-setting; not-recorded for the rest), counted by the server with SearchParameter wr-visit-setting."
* group[0].stratifier[2].code.text = "card-language"
* group[0].stratifier[2].description = "By the language of a card offered (wr-safety-card-types language; not-recorded for the rest), counted with SearchParameter wr-card-language."

Instance: wr-referrals-offered
InstanceOf: Measure
Usage: #definition
* url = "https://warm-referral.org/fhir/Measure/wr-referrals-offered"
* name = "WrReferralsOffered"
* title = "Warm referrals offered"
* status = #draft
* experimental = false
* description = "Warm-referral ServiceRequests (code wr-activity#dsv-advocacy-referral) authored in the period, including hotline and card-only handoffs that share nothing with a partner. Counted by ServiceRequest.authoredOn month."
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#cohort
* type = http://terminology.hl7.org/CodeSystem/measure-type#process
* disclaimer = "Aggregate and de-identified: counts below the threshold of the clinic (default 11) are suppressed, with complementary suppression."
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#initial-population
* group[0].population[0].description = "Warm-referral ServiceRequests (code wr-activity#dsv-advocacy-referral) authored in the period, including hotline and card-only handoffs that share nothing with a partner."
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Warm-referral ServiceRequests (code wr-activity#dsv-advocacy-referral) authored in the period, including hotline and card-only handoffs that share nothing with a partner."
* group[0].stratifier[0].code.text = "month"
* group[0].stratifier[0].description = "By the month (UTC) the record was made."
* group[0].stratifier[1].code.text = "partner"
* group[0].stratifier[1].description = "By the partner program that owns the Task."
* group[0].stratifier[2].code.text = "visit-setting"
* group[0].stratifier[2].description = "By the visit setting (extension wr-visit-setting; not-recorded for the rest), counted by the server with SearchParameter wr-visit-setting."

Instance: wr-referrals-sent
InstanceOf: Measure
Usage: #definition
* url = "https://warm-referral.org/fhir/Measure/wr-referrals-sent"
* name = "WrReferralsSent"
* title = "Referrals sent to a partner"
* status = #draft
* experimental = false
* description = "Referral Tasks (code fulfill) owned by a partner program of the directory, authored in the period, in any status but draft. The report's base population: every outgoing Task measure counts among these, by the month the referral was sent."
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#cohort
* type = http://terminology.hl7.org/CodeSystem/measure-type#process
* disclaimer = "Aggregate and de-identified: counts below the threshold of the clinic (default 11) are suppressed, with complementary suppression."
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#initial-population
* group[0].population[0].description = "Referral Tasks (code fulfill) owned by a partner program of the directory, authored in the period, in any status but draft."
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Referral Tasks (code fulfill) owned by a partner program of the directory, authored in the period, in any status but draft."
* group[0].stratifier[0].code.text = "month"
* group[0].stratifier[0].description = "By the month (UTC) the record was made."
* group[0].stratifier[1].code.text = "partner"
* group[0].stratifier[1].description = "By the partner program that owns the Task."

Instance: wr-referrals-accepted
InstanceOf: Measure
Usage: #definition
* url = "https://warm-referral.org/fhir/Measure/wr-referrals-accepted"
* name = "WrReferralsAccepted"
* title = "Referrals accepted by the partner"
* status = #draft
* experimental = false
* description = "Referrals sent whose Task reached accepted: status accepted, in-progress, on-hold, completed or failed. Denominator: Referrals sent in the period."
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#proportion
* type = http://terminology.hl7.org/CodeSystem/measure-type#process
* disclaimer = "Aggregate and de-identified: counts below the threshold of the clinic (default 11) are suppressed, with complementary suppression."
* improvementNotation = http://terminology.hl7.org/CodeSystem/measure-improvement-notation#increase
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#initial-population
* group[0].population[0].description = "Referrals sent in the period."
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Referrals sent in the period."
* group[0].population[1].code = http://terminology.hl7.org/CodeSystem/measure-population#denominator
* group[0].population[1].description = "Referrals sent in the period."
* group[0].population[1].criteria.language = #text/plain
* group[0].population[1].criteria.expression = "Referrals sent in the period."
* group[0].population[2].code = http://terminology.hl7.org/CodeSystem/measure-population#numerator
* group[0].population[2].description = "Referrals sent whose Task reached accepted: status accepted, in-progress, on-hold, completed or failed."
* group[0].population[2].criteria.language = #text/plain
* group[0].population[2].criteria.expression = "Referrals sent whose Task reached accepted: status accepted, in-progress, on-hold, completed or failed."
* group[0].stratifier[0].code.text = "month"
* group[0].stratifier[0].description = "By the month (UTC) the record was made."
* group[0].stratifier[1].code.text = "partner"
* group[0].stratifier[1].description = "By the partner program that owns the Task."

Instance: wr-referrals-connected
InstanceOf: Measure
Usage: #definition
* url = "https://warm-referral.org/fhir/Measure/wr-referrals-connected"
* name = "WrReferralsConnected"
* title = "Referrals connected"
* status = #draft
* experimental = false
* description = "Referrals sent whose Task is completed with business status fulfillment-completed (the survivor used the program's services). Denominator: Referrals sent in the period."
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#proportion
* type = http://terminology.hl7.org/CodeSystem/measure-type#outcome
* disclaimer = "Aggregate and de-identified: counts below the threshold of the clinic (default 11) are suppressed, with complementary suppression."
* improvementNotation = http://terminology.hl7.org/CodeSystem/measure-improvement-notation#increase
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#initial-population
* group[0].population[0].description = "Referrals sent in the period."
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Referrals sent in the period."
* group[0].population[1].code = http://terminology.hl7.org/CodeSystem/measure-population#denominator
* group[0].population[1].description = "Referrals sent in the period."
* group[0].population[1].criteria.language = #text/plain
* group[0].population[1].criteria.expression = "Referrals sent in the period."
* group[0].population[2].code = http://terminology.hl7.org/CodeSystem/measure-population#numerator
* group[0].population[2].description = "Referrals sent whose Task is completed with business status fulfillment-completed (the survivor used the program's services)."
* group[0].population[2].criteria.language = #text/plain
* group[0].population[2].criteria.expression = "Referrals sent whose Task is completed with business status fulfillment-completed (the survivor used the program's services)."
* group[0].stratifier[0].code.text = "month"
* group[0].stratifier[0].description = "By the month (UTC) the record was made."
* group[0].stratifier[1].code.text = "partner"
* group[0].stratifier[1].description = "By the partner program that owns the Task."

Instance: wr-referrals-declined
InstanceOf: Measure
Usage: #definition
* url = "https://warm-referral.org/fhir/Measure/wr-referrals-declined"
* name = "WrReferralsDeclined"
* title = "Referrals declined by the partner"
* status = #draft
* experimental = false
* description = "Referrals sent whose Task is rejected (the program declined: no capacity, not eligible, unsafe to contact, referred elsewhere). Denominator: Referrals sent in the period."
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#proportion
* type = http://terminology.hl7.org/CodeSystem/measure-type#process
* disclaimer = "Aggregate and de-identified: counts below the threshold of the clinic (default 11) are suppressed, with complementary suppression."
* improvementNotation = http://terminology.hl7.org/CodeSystem/measure-improvement-notation#decrease
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#initial-population
* group[0].population[0].description = "Referrals sent in the period."
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Referrals sent in the period."
* group[0].population[1].code = http://terminology.hl7.org/CodeSystem/measure-population#denominator
* group[0].population[1].description = "Referrals sent in the period."
* group[0].population[1].criteria.language = #text/plain
* group[0].population[1].criteria.expression = "Referrals sent in the period."
* group[0].population[2].code = http://terminology.hl7.org/CodeSystem/measure-population#numerator
* group[0].population[2].description = "Referrals sent whose Task is rejected (the program declined: no capacity, not eligible, unsafe to contact, referred elsewhere)."
* group[0].population[2].criteria.language = #text/plain
* group[0].population[2].criteria.expression = "Referrals sent whose Task is rejected (the program declined: no capacity, not eligible, unsafe to contact, referred elsewhere)."
* group[0].stratifier[0].code.text = "month"
* group[0].stratifier[0].description = "By the month (UTC) the record was made."
* group[0].stratifier[1].code.text = "partner"
* group[0].stratifier[1].description = "By the partner program that owns the Task."

Instance: wr-referrals-could-not-reach
InstanceOf: Measure
Usage: #definition
* url = "https://warm-referral.org/fhir/Measure/wr-referrals-could-not-reach"
* name = "WrReferralsCouldNotReach"
* title = "Referrals where the partner could not reach the survivor"
* status = #draft
* experimental = false
* description = "Referrals sent whose Task failed with business status could-not-reach. Denominator: Referrals sent in the period."
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#proportion
* type = http://terminology.hl7.org/CodeSystem/measure-type#process
* disclaimer = "Aggregate and de-identified: counts below the threshold of the clinic (default 11) are suppressed, with complementary suppression."
* improvementNotation = http://terminology.hl7.org/CodeSystem/measure-improvement-notation#decrease
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#initial-population
* group[0].population[0].description = "Referrals sent in the period."
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Referrals sent in the period."
* group[0].population[1].code = http://terminology.hl7.org/CodeSystem/measure-population#denominator
* group[0].population[1].description = "Referrals sent in the period."
* group[0].population[1].criteria.language = #text/plain
* group[0].population[1].criteria.expression = "Referrals sent in the period."
* group[0].population[2].code = http://terminology.hl7.org/CodeSystem/measure-population#numerator
* group[0].population[2].description = "Referrals sent whose Task failed with business status could-not-reach."
* group[0].population[2].criteria.language = #text/plain
* group[0].population[2].criteria.expression = "Referrals sent whose Task failed with business status could-not-reach."
* group[0].stratifier[0].code.text = "month"
* group[0].stratifier[0].description = "By the month (UTC) the record was made."
* group[0].stratifier[1].code.text = "partner"
* group[0].stratifier[1].description = "By the partner program that owns the Task."

Instance: wr-referrals-withdrawn
InstanceOf: Measure
Usage: #definition
* url = "https://warm-referral.org/fhir/Measure/wr-referrals-withdrawn"
* name = "WrReferralsWithdrawn"
* title = "Referrals withdrawn"
* status = #draft
* experimental = false
* description = "Referrals sent whose Task is cancelled (withdrawn by the clinic, or the consent withdrawn). Denominator: Referrals sent in the period."
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#proportion
* type = http://terminology.hl7.org/CodeSystem/measure-type#process
* disclaimer = "Aggregate and de-identified: counts below the threshold of the clinic (default 11) are suppressed, with complementary suppression."
* improvementNotation = http://terminology.hl7.org/CodeSystem/measure-improvement-notation#decrease
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#initial-population
* group[0].population[0].description = "Referrals sent in the period."
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Referrals sent in the period."
* group[0].population[1].code = http://terminology.hl7.org/CodeSystem/measure-population#denominator
* group[0].population[1].description = "Referrals sent in the period."
* group[0].population[1].criteria.language = #text/plain
* group[0].population[1].criteria.expression = "Referrals sent in the period."
* group[0].population[2].code = http://terminology.hl7.org/CodeSystem/measure-population#numerator
* group[0].population[2].description = "Referrals sent whose Task is cancelled (withdrawn by the clinic, or the consent withdrawn)."
* group[0].population[2].criteria.language = #text/plain
* group[0].population[2].criteria.expression = "Referrals sent whose Task is cancelled (withdrawn by the clinic, or the consent withdrawn)."
* group[0].stratifier[0].code.text = "month"
* group[0].stratifier[0].description = "By the month (UTC) the record was made."
* group[0].stratifier[1].code.text = "partner"
* group[0].stratifier[1].description = "By the partner program that owns the Task."

Instance: wr-connection-rate
InstanceOf: Measure
Usage: #definition
* url = "https://warm-referral.org/fhir/Measure/wr-connection-rate"
* name = "WrConnectionRate"
* title = "Connection rate"
* status = #draft
* experimental = false
* description = "Referrals connected (see referrals-connected). Denominator: Referrals sent in the period. Not shown when the numerator or the denominator is suppressed."
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#proportion
* type = http://terminology.hl7.org/CodeSystem/measure-type#outcome
* disclaimer = "Aggregate and de-identified: counts below the threshold of the clinic (default 11) are suppressed, with complementary suppression."
* improvementNotation = http://terminology.hl7.org/CodeSystem/measure-improvement-notation#increase
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#initial-population
* group[0].population[0].description = "Referrals sent in the period."
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Referrals sent in the period."
* group[0].population[1].code = http://terminology.hl7.org/CodeSystem/measure-population#denominator
* group[0].population[1].description = "Referrals sent in the period."
* group[0].population[1].criteria.language = #text/plain
* group[0].population[1].criteria.expression = "Referrals sent in the period."
* group[0].population[2].code = http://terminology.hl7.org/CodeSystem/measure-population#numerator
* group[0].population[2].description = "Referrals connected (see referrals-connected)."
* group[0].population[2].criteria.language = #text/plain
* group[0].population[2].criteria.expression = "Referrals connected (see referrals-connected)."
* group[0].stratifier[0].code.text = "month"
* group[0].stratifier[0].description = "By the month (UTC) the record was made."
* group[0].stratifier[1].code.text = "partner"
* group[0].stratifier[1].description = "By the partner program that owns the Task."

Instance: wr-days-to-first-contact
InstanceOf: Measure
Usage: #definition
* url = "https://warm-referral.org/fhir/Measure/wr-days-to-first-contact"
* name = "WrDaysToFirstContact"
* title = "Days from referral to first contact"
* status = #draft
* experimental = false
* description = "For each referral sent in the period whose Task has executionPeriod.start (set at first contact): days from Task.authoredOn to executionPeriod.start. Reported as the median and the 90th percentile (nearest rank). Not shown when fewer referrals than the suppression threshold have a first contact."
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#continuous-variable
* type = http://terminology.hl7.org/CodeSystem/measure-type#outcome
* disclaimer = "Aggregate and de-identified: counts below the threshold of the clinic (default 11) are suppressed, with complementary suppression."
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#initial-population
* group[0].population[0].description = "Referrals sent in the period."
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Referrals sent in the period."
* group[0].population[1].code = http://terminology.hl7.org/CodeSystem/measure-population#measure-population
* group[0].population[1].description = "For each referral sent in the period whose Task has executionPeriod.start (set at first contact): days from Task.authoredOn to executionPeriod.start. Reported as the median and the 90th percentile (nearest rank)."
* group[0].population[1].criteria.language = #text/plain
* group[0].population[1].criteria.expression = "For each referral sent in the period whose Task has executionPeriod.start (set at first contact): days from Task.authoredOn to executionPeriod.start. Reported as the median and the 90th percentile (nearest rank)."
* group[0].stratifier[0].code.text = "month"
* group[0].stratifier[0].description = "By the month (UTC) the record was made."
* group[0].stratifier[1].code.text = "partner"
* group[0].stratifier[1].description = "By the partner program that owns the Task."

Instance: wr-days-to-connection
InstanceOf: Measure
Usage: #definition
* url = "https://warm-referral.org/fhir/Measure/wr-days-to-connection"
* name = "WrDaysToConnection"
* title = "Days from referral to connection"
* status = #draft
* experimental = false
* description = "For each connected referral sent in the period: days from Task.authoredOn to executionPeriod.end (when it was completed). Median and 90th percentile. Not shown when fewer referrals than the suppression threshold are connected."
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#continuous-variable
* type = http://terminology.hl7.org/CodeSystem/measure-type#outcome
* disclaimer = "Aggregate and de-identified: counts below the threshold of the clinic (default 11) are suppressed, with complementary suppression."
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#initial-population
* group[0].population[0].description = "Referrals sent in the period."
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Referrals sent in the period."
* group[0].population[1].code = http://terminology.hl7.org/CodeSystem/measure-population#measure-population
* group[0].population[1].description = "For each connected referral sent in the period: days from Task.authoredOn to executionPeriod.end (when it was completed). Median and 90th percentile."
* group[0].population[1].criteria.language = #text/plain
* group[0].population[1].criteria.expression = "For each connected referral sent in the period: days from Task.authoredOn to executionPeriod.end (when it was completed). Median and 90th percentile."
* group[0].stratifier[0].code.text = "month"
* group[0].stratifier[0].description = "By the month (UTC) the record was made."
* group[0].stratifier[1].code.text = "partner"
* group[0].stratifier[1].description = "By the partner program that owns the Task."

Instance: wr-referrals-by-urgency
InstanceOf: Measure
Usage: #definition
* url = "https://warm-referral.org/fhir/Measure/wr-referrals-by-urgency"
* name = "WrReferralsByUrgency"
* title = "Referrals by urgency"
* status = #draft
* experimental = false
* description = "Referrals sent, and connected, stratified by Task.priority (routine, urgent, asap, stat)."
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#cohort
* type = http://terminology.hl7.org/CodeSystem/measure-type#process
* disclaimer = "Aggregate and de-identified: counts below the threshold of the clinic (default 11) are suppressed, with complementary suppression."
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#initial-population
* group[0].population[0].description = "Referrals sent, and connected, stratified by Task.priority (routine, urgent, asap, stat)."
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Referrals sent, and connected, stratified by Task.priority (routine, urgent, asap, stat)."
* group[0].stratifier[0].code.text = "month"
* group[0].stratifier[0].description = "By the month (UTC) the record was made."
* group[0].stratifier[1].code.text = "partner"
* group[0].stratifier[1].description = "By the partner program that owns the Task."

Instance: wr-overdue-open
InstanceOf: Measure
Usage: #definition
* url = "https://warm-referral.org/fhir/Measure/wr-overdue-open"
* name = "WrOverdueOpen"
* title = "Overdue referrals open now"
* status = #draft
* experimental = false
* description = "Referral Tasks owned by a partner program that are open now (requested, accepted, in-progress, on-hold) and were sent more than the clinic's follow-up interval ago (clinic-config followUp.intervalDays). A count at the time the report is read, not for the period."
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#cohort
* type = http://terminology.hl7.org/CodeSystem/measure-type#process
* disclaimer = "Aggregate and de-identified: counts below the threshold of the clinic (default 11) are suppressed, with complementary suppression."
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#initial-population
* group[0].population[0].description = "Referral Tasks owned by a partner program that are open now (requested, accepted, in-progress, on-hold) and were sent more than the clinic's follow-up interval ago (clinic-config followUp.intervalDays)."
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Referral Tasks owned by a partner program that are open now (requested, accepted, in-progress, on-hold) and were sent more than the clinic's follow-up interval ago (clinic-config followUp.intervalDays)."
* group[0].stratifier[0].code.text = "month"
* group[0].stratifier[0].description = "By the month (UTC) the record was made."

Instance: wr-incoming-received
InstanceOf: Measure
Usage: #definition
* url = "https://warm-referral.org/fhir/Measure/wr-incoming-received"
* name = "WrIncomingReceived"
* title = "Incoming referrals received"
* status = #draft
* experimental = false
* description = "Incoming referral Tasks (owner the clinic, requester a partner Organization of the directory) authored in the period."
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#cohort
* type = http://terminology.hl7.org/CodeSystem/measure-type#process
* disclaimer = "Aggregate and de-identified: counts below the threshold of the clinic (default 11) are suppressed, with complementary suppression."
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#initial-population
* group[0].population[0].description = "Incoming referral Tasks (owner the clinic, requester a partner Organization of the directory) authored in the period."
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Incoming referral Tasks (owner the clinic, requester a partner Organization of the directory) authored in the period."
* group[0].stratifier[0].code.text = "month"
* group[0].stratifier[0].description = "By the month (UTC) the record was made."

Instance: wr-incoming-accepted
InstanceOf: Measure
Usage: #definition
* url = "https://warm-referral.org/fhir/Measure/wr-incoming-accepted"
* name = "WrIncomingAccepted"
* title = "Incoming referrals accepted"
* status = #draft
* experimental = false
* description = "Incoming referrals whose Task the clinic accepted: status accepted, in-progress, on-hold, completed or failed. Denominator: Incoming referrals received in the period."
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#proportion
* type = http://terminology.hl7.org/CodeSystem/measure-type#process
* disclaimer = "Aggregate and de-identified: counts below the threshold of the clinic (default 11) are suppressed, with complementary suppression."
* improvementNotation = http://terminology.hl7.org/CodeSystem/measure-improvement-notation#increase
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#initial-population
* group[0].population[0].description = "Incoming referrals received in the period."
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Incoming referrals received in the period."
* group[0].population[1].code = http://terminology.hl7.org/CodeSystem/measure-population#denominator
* group[0].population[1].description = "Incoming referrals received in the period."
* group[0].population[1].criteria.language = #text/plain
* group[0].population[1].criteria.expression = "Incoming referrals received in the period."
* group[0].population[2].code = http://terminology.hl7.org/CodeSystem/measure-population#numerator
* group[0].population[2].description = "Incoming referrals whose Task the clinic accepted: status accepted, in-progress, on-hold, completed or failed."
* group[0].population[2].criteria.language = #text/plain
* group[0].population[2].criteria.expression = "Incoming referrals whose Task the clinic accepted: status accepted, in-progress, on-hold, completed or failed."
* group[0].stratifier[0].code.text = "month"
* group[0].stratifier[0].description = "By the month (UTC) the record was made."

Instance: wr-incoming-booked
InstanceOf: Measure
Usage: #definition
* url = "https://warm-referral.org/fhir/Measure/wr-incoming-booked"
* name = "WrIncomingBooked"
* title = "Incoming referrals with an appointment booked"
* status = #draft
* experimental = false
* description = "Incoming referrals whose Task business status is scheduled, unattended, event-completed or event-cancelled. Denominator: Incoming referrals received in the period."
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#proportion
* type = http://terminology.hl7.org/CodeSystem/measure-type#process
* disclaimer = "Aggregate and de-identified: counts below the threshold of the clinic (default 11) are suppressed, with complementary suppression."
* improvementNotation = http://terminology.hl7.org/CodeSystem/measure-improvement-notation#increase
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#initial-population
* group[0].population[0].description = "Incoming referrals received in the period."
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Incoming referrals received in the period."
* group[0].population[1].code = http://terminology.hl7.org/CodeSystem/measure-population#denominator
* group[0].population[1].description = "Incoming referrals received in the period."
* group[0].population[1].criteria.language = #text/plain
* group[0].population[1].criteria.expression = "Incoming referrals received in the period."
* group[0].population[2].code = http://terminology.hl7.org/CodeSystem/measure-population#numerator
* group[0].population[2].description = "Incoming referrals whose Task business status is scheduled, unattended, event-completed or event-cancelled."
* group[0].population[2].criteria.language = #text/plain
* group[0].population[2].criteria.expression = "Incoming referrals whose Task business status is scheduled, unattended, event-completed or event-cancelled."
* group[0].stratifier[0].code.text = "month"
* group[0].stratifier[0].description = "By the month (UTC) the record was made."

Instance: wr-incoming-completed
InstanceOf: Measure
Usage: #definition
* url = "https://warm-referral.org/fhir/Measure/wr-incoming-completed"
* name = "WrIncomingCompleted"
* title = "Incoming referrals completed"
* status = #draft
* experimental = false
* description = "Incoming referrals whose Task is completed. Denominator: Incoming referrals received in the period."
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#proportion
* type = http://terminology.hl7.org/CodeSystem/measure-type#process
* disclaimer = "Aggregate and de-identified: counts below the threshold of the clinic (default 11) are suppressed, with complementary suppression."
* improvementNotation = http://terminology.hl7.org/CodeSystem/measure-improvement-notation#increase
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#initial-population
* group[0].population[0].description = "Incoming referrals received in the period."
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Incoming referrals received in the period."
* group[0].population[1].code = http://terminology.hl7.org/CodeSystem/measure-population#denominator
* group[0].population[1].description = "Incoming referrals received in the period."
* group[0].population[1].criteria.language = #text/plain
* group[0].population[1].criteria.expression = "Incoming referrals received in the period."
* group[0].population[2].code = http://terminology.hl7.org/CodeSystem/measure-population#numerator
* group[0].population[2].description = "Incoming referrals whose Task is completed."
* group[0].population[2].criteria.language = #text/plain
* group[0].population[2].criteria.expression = "Incoming referrals whose Task is completed."
* group[0].stratifier[0].code.text = "month"
* group[0].stratifier[0].description = "By the month (UTC) the record was made."

Instance: wr-education-share
InstanceOf: Measure
Usage: #definition
* url = "https://warm-referral.org/fhir/Measure/wr-education-share"
* name = "WrEducationShare"
* title = "Share of visits with universal education"
* status = #draft
* experimental = false
* description = "Universal-education Procedures in the month (Measure wr-education-offered) over the visits: Encounters whose period falls in the month, counted by the server (Encounter?date, _summary=count). Reported only when the server's CapabilityStatement lists Encounter search by date and batch; not shown when the numerator or the denominator is suppressed."
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#proportion
* type = http://terminology.hl7.org/CodeSystem/measure-type#process
* disclaimer = "Aggregate and de-identified: counts below the threshold of the clinic (default 11) are suppressed, with complementary suppression."
* improvementNotation = http://terminology.hl7.org/CodeSystem/measure-improvement-notation#increase
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#denominator
* group[0].population[0].description = "Visits: Encounters whose period falls in the month."
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Visits: Encounters whose period falls in the month."
* group[0].population[1].code = http://terminology.hl7.org/CodeSystem/measure-population#numerator
* group[0].population[1].description = "Universal-education Procedures performed in the month (see education-offered)."
* group[0].population[1].criteria.language = #text/plain
* group[0].population[1].criteria.expression = "Universal-education Procedures performed in the month (see education-offered)."
* group[0].stratifier[0].code.text = "month"
* group[0].stratifier[0].description = "By the month (UTC) the record was made."

Instance: wr-cross-trainings
InstanceOf: Measure
Usage: #definition
* url = "https://warm-referral.org/fhir/Measure/wr-cross-trainings"
* name = "WrCrossTrainings"
* title = "Cross-trainings"
* status = #draft
* experimental = false
* description = "Cross-training sessions recorded on a partner's PartnerAffiliation (extension wr-cross-training) with a date in the period, by partner and by direction (clinic staff at the program, or the program's staff at the clinic), with the staff who attended. About staff, not patients: counts are not suppressed."
* scoring = http://terminology.hl7.org/CodeSystem/measure-scoring#cohort
* type = http://terminology.hl7.org/CodeSystem/measure-type#structure
* group[0].population[0].code = http://terminology.hl7.org/CodeSystem/measure-population#initial-population
* group[0].population[0].description = "Cross-training sessions dated in the period."
* group[0].population[0].criteria.language = #text/plain
* group[0].population[0].criteria.expression = "Cross-training sessions dated in the period."
* group[0].stratifier[0].code.text = "partner"
* group[0].stratifier[0].description = "By the partner program whose partnership record holds the session."
* group[0].stratifier[1].code.text = "direction"
* group[0].stratifier[1].description = "By direction (wr-cross-training-direction): clinic-at-program or program-at-clinic."
