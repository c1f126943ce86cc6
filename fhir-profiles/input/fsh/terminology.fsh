// Code systems and value sets of the Warm Referral contract. Codes are our own words; each
// code system is complete (content = complete) so the validator can check codes offline.

RuleSet: WrCodeSystem
* ^status = #active
* ^experimental = false
* ^caseSensitive = true
* ^content = #complete

RuleSet: WrValueSet
* ^status = #active
* ^experimental = false

CodeSystem: WrDsvServices
Id: wr-dsv-services
Title: "DSV advocacy services"
Description: "Services a domestic/sexual violence (DSV) advocacy program offers; used for HealthcareService.type and the services requested by a warm referral."
* insert WrCodeSystem
* #drop-in-safety-planning "Drop-in support and safety planning" "Walk-in or scheduled advocacy, emotional support and safety planning."
  * ^designation[0].language = #es
  * ^designation[0].value = "Apoyo sin cita y plan de seguridad"
* #emergency-shelter "Emergency shelter" "Confidential emergency shelter or safe housing."
  * ^designation[0].language = #es
  * ^designation[0].value = "Refugio de emergencia"
* #housing-advocacy "Housing advocacy" "Help finding, keeping or moving housing."
  * ^designation[0].language = #es
  * ^designation[0].value = "Apoyo con vivienda"
* #hotline-24h "24-hour hotline" "A hotline answered 24 hours a day, 7 days a week."
  * ^designation[0].language = #es
  * ^designation[0].value = "Línea de ayuda 24 horas"
* #legal-advocacy "Legal advocacy" "Help with protection orders, custody, immigration and other legal matters."
  * ^designation[0].language = #es
  * ^designation[0].value = "Apoyo legal"
* #court-accompaniment "Court accompaniment" "An advocate goes to court hearings with the survivor."
  * ^designation[0].language = #es
  * ^designation[0].value = "Acompañamiento en la corte"
* #support-groups "Support groups" "Peer or facilitated support groups."
  * ^designation[0].language = #es
  * ^designation[0].value = "Grupos de apoyo"
* #mental-health "Mental health" "Counseling or therapy for survivors."
  * ^designation[0].language = #es
  * ^designation[0].value = "Salud mental"
* #health-wellness "Health and wellness" "Health education, wellness and healing activities."
  * ^designation[0].language = #es
  * ^designation[0].value = "Salud y bienestar"
* #case-management "Case management" "Ongoing coordination of services and needs."
  * ^designation[0].language = #es
  * ^designation[0].value = "Gestión de casos"
* #justice-advocacy "Police and justice advocacy" "Support when dealing with police, prosecutors and the justice system."
  * ^designation[0].language = #es
  * ^designation[0].value = "Apoyo con policía y justicia"
* #economic-advocacy "Financial and economic advocacy" "Financial safety, benefits, employment and economic empowerment."
  * ^designation[0].language = #es
  * ^designation[0].value = "Apoyo financiero y económico"
* #anti-trafficking "Anti-trafficking services" "Services for survivors of human trafficking or exploitation."
  * ^designation[0].language = #es
  * ^designation[0].value = "Servicios contra la trata"

ValueSet: WrDsvServicesVS
Id: wr-dsv-services
Title: "DSV advocacy services"
Description: "All DSV advocacy service codes."
* insert WrValueSet
* include codes from system WrDsvServices

CodeSystem: WrHandoffMethod
Id: wr-handoff-method
Title: "Warm handoff method"
Description: "How the clinic connects the patient with the advocacy program."
* insert WrCodeSystem
* #onsite-advocate "Onsite advocate" "An advocate meets the patient at the clinic."
  * ^designation[0].language = #es
  * ^designation[0].value = "Persona de apoyo en la clínica"
* #call-together "Phone call together now" "Staff and patient call the program together during the visit."
  * ^designation[0].language = #es
  * ^designation[0].value = "Llamada juntos ahora"
* #chat "Chat" "The patient starts a chat with the program, with staff support."
  * ^designation[0].language = #es
  * ^designation[0].value = "Chat"
* #hotline "Hotline" "The patient is connected to a hotline (e.g. the National Domestic Violence Hotline, 24/7, 170+ languages)."
  * ^designation[0].language = #es
  * ^designation[0].value = "Línea de ayuda"
* #card-only "Card only" "The patient takes a card with the program's number and decides later; the program does not contact the patient."
  * ^designation[0].language = #es
  * ^designation[0].value = "Solo tarjeta"

ValueSet: WrHandoffMethodVS
Id: wr-handoff-method
Title: "Warm handoff method"
Description: "All warm handoff methods."
* insert WrValueSet
* include codes from system WrHandoffMethod

CodeSystem: WrParticipationTier
Id: wr-participation-tier
Title: "Partnership participation tier"
Description: "How deeply a partner program participates with the clinic."
* insert WrCodeSystem
* #1 "Directory" "Listed in the partner directory."
  * ^designation[0].language = #es
  * ^designation[0].value = "Directorio"
* #2 "Referral" "Accepts and sends warm referrals."
  * ^designation[0].language = #es
  * ^designation[0].value = "Referencia"
* #3 "Shared indicators" "Also shares de-identified indicators with the clinic."
  * ^designation[0].language = #es
  * ^designation[0].value = "Indicadores compartidos"
* #4 "Data integration" "Also exchanges referral data electronically."
  * ^designation[0].language = #es
  * ^designation[0].value = "Integración de datos"

ValueSet: WrParticipationTierVS
Id: wr-participation-tier
Title: "Partnership participation tier"
Description: "All participation tiers."
* insert WrValueSet
* include codes from system WrParticipationTier

CodeSystem: WrCollaborationLevel
Id: wr-collaboration-level
Title: "Collaboration level"
Description: "How closely the clinic and the partner work together."
* insert WrCodeSystem
* #informed "Informed" "The organizations know each other's services."
  * ^designation[0].language = #es
  * ^designation[0].value = "Informado"
* #collaborative "Collaborative" "The organizations coordinate referrals and training."
  * ^designation[0].language = #es
  * ^designation[0].value = "Colaborativo"
* #integrated "Integrated" "Advocacy is part of the clinic's care (e.g. onsite advocate, shared workflows)."
  * ^designation[0].language = #es
  * ^designation[0].value = "Integrado"

ValueSet: WrCollaborationLevelVS
Id: wr-collaboration-level
Title: "Collaboration level"
Description: "All collaboration levels."
* insert WrValueSet
* include codes from system WrCollaborationLevel

CodeSystem: WrReferralOutcome
Id: wr-referral-outcome
Title: "Referral outcome refinement (business status)"
Description: "What BSeR's TaskBusinessStatusCS does not say about a DSV referral. Written as a second Task.businessStatus coding next to the BSeR code, never alone. The BSeR-like codes this system once held (created, accepted, declined, scheduled, ...) are retired: BSeR's own codes are used instead; readers still understand them on older records."
* insert WrCodeSystem
* #first-contact "First contact made" "The program reached the patient; work is under way (BSeR 3.0 accepted)."
  * ^designation[0].language = #es
  * ^designation[0].value = "Primer contacto hecho"
* #on-hold "On hold" "Work is paused, for example because contact is not safe right now (BSeR 3.0 accepted)."
  * ^designation[0].language = #es
  * ^designation[0].value = "En espera"
* #could-not-reach "Could not reach" "The program could not reach the patient after its attempts (BSeR 6.0 fulfillment cancelled)."
  * ^designation[0].language = #es
  * ^designation[0].value = "No se pudo contactar"
* #declined-services "Declined services" "The program reached the patient, who chose not to use its services (BSeR 7.0 fulfillment completed)."
  * ^designation[0].language = #es
  * ^designation[0].value = "Rechazó los servicios"
* #referred-elsewhere "Referred elsewhere" "The program connected the patient with another program instead (BSeR 7.0 fulfillment completed)."
  * ^designation[0].language = #es
  * ^designation[0].value = "Remitida a otro lugar"
* #appointment-offered "Appointment offered" "On a referral back to the clinic: an appointment was offered to the client, not booked yet (BSeR has no code for the offer)."
  * ^designation[0].language = #es
  * ^designation[0].value = "Cita ofrecida"

ValueSet: WrReferralOutcomeVS
Id: wr-referral-outcome
Title: "Referral outcome refinement (business status)"
Description: "All referral outcome refinements."
* insert WrValueSet
* include codes from system WrReferralOutcome

CodeSystem: WrReferralStatusReason
Id: wr-referral-status-reason
Title: "Referral status reason"
Description: "Why a referral Task was rejected, cancelled, put on hold or failed."
* insert WrCodeSystem
* #could-not-contact "Could not contact" "The program could not safely reach the patient."
  * ^designation[0].language = #es
  * ^designation[0].value = "No se pudo contactar"
* #no-capacity "No capacity" "The program has no capacity right now."
  * ^designation[0].language = #es
  * ^designation[0].value = "Sin cupo"
* #not-eligible "Not eligible" "The patient is not eligible for the program's services."
  * ^designation[0].language = #es
  * ^designation[0].value = "No cumple los requisitos"
* #no-longer-interested "No longer interested" "The patient no longer wants the service."
  * ^designation[0].language = #es
  * ^designation[0].value = "Ya no le interesa"
* #got-help "Got help" "The patient got the help they needed."
  * ^designation[0].language = #es
  * ^designation[0].value = "Ya recibió ayuda"
* #referred-elsewhere "Referred elsewhere" "The patient was referred to another program."
  * ^designation[0].language = #es
  * ^designation[0].value = "Remitida a otro lugar"
* #unsafe-to-contact "Unsafe to contact" "Contact is paused because it is not safe right now."
  * ^designation[0].language = #es
  * ^designation[0].value = "No es seguro contactar"
* #consent-expired "Consent expired" "The patient's consent to share ended."
  * ^designation[0].language = #es
  * ^designation[0].value = "Consentimiento vencido"
* #consent-withdrawn "Consent withdrawn" "The patient withdrew the consent to share."
  * ^designation[0].language = #es
  * ^designation[0].value = "Consentimiento retirado"

ValueSet: WrReferralStatusReasonVS
Id: wr-referral-status-reason
Title: "Referral status reason"
Description: "All referral status reasons."
* insert WrValueSet
* include codes from system WrReferralStatusReason

ValueSet: WrOrderDetailVS
Id: wr-order-detail
Title: "Warm referral order detail"
Description: "What a warm referral's orderDetail may say: the services requested (wr-dsv-services) and SDOHCC's contacting-subject-prohibited when the patient asked not to be contacted at all."
* insert WrValueSet
* include codes from system WrDsvServices
* $SDOHCC-Temp#contacting-subject-prohibited

CodeSystem: WrSafetyCardType
Id: wr-safety-card-type
Title: "Safety card type"
Description: "Kinds of universal-education safety cards a clinic hands out. Offering a card implies no disclosure."
* insert WrCodeSystem
* #healthy-relationships "Healthy relationships (general)" "General card about relationships and health, for every patient."
  * ^designation[0].language = #es
  * ^designation[0].value = "Relaciones sanas (general)"
* #reproductive-health "Relationships and reproductive health" "Card about relationships, pregnancy and birth control."
  * ^designation[0].language = #es
  * ^designation[0].value = "Relaciones y salud reproductiva"
* #teen-relationships "Teen relationships" "Card for adolescents."
  * ^designation[0].language = #es
  * ^designation[0].value = "Relaciones en la adolescencia"
* #lgbtq-relationships "LGBTQ+ relationships" "Card for LGBTQ+ patients."
  * ^designation[0].language = #es
  * ^designation[0].value = "Relaciones LGBTQ+"
* #parenting "Parenting and relationships" "Card for parents and caregivers."
  * ^designation[0].language = #es
  * ^designation[0].value = "Crianza y relaciones"
* #older-adults "Older adults and caregivers" "Card about relationships and care in later life."
  * ^designation[0].language = #es
  * ^designation[0].value = "Personas mayores y cuidadores"
* #work-and-exploitation "Work and exploitation" "Card about safety at work, labor and sex exploitation (trafficking)."
  * ^designation[0].language = #es
  * ^designation[0].value = "Trabajo y explotación"
* #disability "Disability and relationships" "Card for people with disabilities and their caregivers."
  * ^designation[0].language = #es
  * ^designation[0].value = "Discapacidad y relaciones"

ValueSet: WrSafetyCardTypeVS
Id: wr-safety-card-type
Title: "Safety card type"
Description: "All safety card types."
* insert WrValueSet
* include codes from system WrSafetyCardType

CodeSystem: WrPartnerType
Id: wr-partner-type
Title: "Partner program type"
Description: "Kinds of partner organizations in the directory."
* insert WrCodeSystem
* #dv-program "Domestic violence program" "Domestic violence advocacy program."
  * ^designation[0].language = #es
  * ^designation[0].value = "Programa de violencia doméstica"
* #sa-program "Sexual assault program" "Sexual assault / rape crisis program."
  * ^designation[0].language = #es
  * ^designation[0].value = "Programa de violencia sexual"
* #dual-program "Dual DV/SA program" "Program serving both domestic violence and sexual assault survivors."
  * ^designation[0].language = #es
  * ^designation[0].value = "Programa dual VD/VS"
* #anti-trafficking-program "Anti-trafficking program" "Program serving survivors of trafficking and exploitation."
  * ^designation[0].language = #es
  * ^designation[0].value = "Programa contra la trata"
* #culturally-specific "Culturally specific program" "Program by and for a specific community."
  * ^designation[0].language = #es
  * ^designation[0].value = "Programa culturalmente específico"
* #tribal-program "Tribal program" "Program of or for a tribal nation."
  * ^designation[0].language = #es
  * ^designation[0].value = "Programa tribal"
* #legal-services "Legal services" "Legal aid for survivors."
  * ^designation[0].language = #es
  * ^designation[0].value = "Servicios legales"
* #mental-health "Mental health provider" "Counseling and mental health care, including trauma-informed therapy."
  * ^designation[0].language = #es
  * ^designation[0].value = "Proveedor de salud mental"
* #housing-provider "Housing provider" "Shelter, transitional or permanent housing provider."
  * ^designation[0].language = #es
  * ^designation[0].value = "Proveedor de vivienda"
* #hotline "Hotline" "State or national hotline."
  * ^designation[0].language = #es
  * ^designation[0].value = "Línea de ayuda"
* #health-center "Health center" "A health center that receives referrals from partners."
  * ^designation[0].language = #es
  * ^designation[0].value = "Centro de salud"

ValueSet: WrPartnerTypeVS
Id: wr-partner-type
Title: "Partner program type"
Description: "All partner types."
* insert WrValueSet
* include codes from system WrPartnerType

CodeSystem: WrActivity
Id: wr-activity
Title: "Warm Referral activity"
Description: "What a Warm Referral ServiceRequest or Procedure is about."
* insert WrCodeSystem
* #universal-education "Universal education offered" "Education about relationships and health offered to every patient; implies no disclosure."
  * ^designation[0].language = #es
  * ^designation[0].value = "Educación universal ofrecida"
* #community-referral "Community referral" "A warm referral to a partner community program. Neutral on purpose: label-blind portals show codes that have no display (see docs/privacy.md)."
  * ^designation[0].language = #es
  * ^designation[0].value = "Referencia comunitaria"
* #dsv-advocacy-referral "Referral to an advocacy program" "Earlier code of a warm referral to a DSV advocacy program; read, no longer written (use community-referral)."
  * ^designation[0].language = #es
  * ^designation[0].value = "Referencia a un programa de apoyo"
* #medical-appointment "Medical appointment" "A medical appointment requested by a partner program (e.g. next day)."
  * ^designation[0].language = #es
  * ^designation[0].value = "Cita médica"
* #behavioral-health-appointment "Behavioral health appointment" "A behavioral health appointment requested by a partner program."
  * ^designation[0].language = #es
  * ^designation[0].value = "Cita de salud conductual"
* #reproductive-health-appointment "Reproductive health appointment" "A reproductive health appointment requested by a partner program."
  * ^designation[0].language = #es
  * ^designation[0].value = "Cita de salud reproductiva"
* #forensic-medical-exam "Forensic medical exam" "A medical forensic exam requested by a partner program."
  * ^designation[0].language = #es
  * ^designation[0].value = "Examen médico forense"

ValueSet: WrIncomingServiceVS
Id: wr-incoming-service
Title: "Incoming referral service"
Description: "What a partner program may ask the clinic for."
* insert WrValueSet
* WrActivity#medical-appointment
* WrActivity#behavioral-health-appointment
* WrActivity#reproductive-health-appointment
* WrActivity#forensic-medical-exam

CodeSystem: WrVisitSetting
Id: wr-visit-setting
Title: "Visit setting"
Description: "Where the conversation happened, so reports can count education and referrals by setting (mobile units and school-based clinics have their own confidentiality checks)."
* insert WrCodeSystem
* #in-person "In person" "In person at the clinic."
  * ^designation[0].language = #es
  * ^designation[0].value = "En persona"
* #telehealth-video "Telehealth video" "A video visit."
  * ^designation[0].language = #es
  * ^designation[0].value = "Video (telesalud)"
* #telephone "Telephone" "A telephone visit."
  * ^designation[0].language = #es
  * ^designation[0].value = "Teléfono"
* #mobile-unit "Mobile unit" "A mobile health unit."
  * ^designation[0].language = #es
  * ^designation[0].value = "Unidad móvil"
* #school-based "School-based clinic" "A school-based health center."
  * ^designation[0].language = #es
  * ^designation[0].value = "Clínica escolar"

ValueSet: WrVisitSettingVS
Id: wr-visit-setting
Title: "Visit setting"
Description: "All visit settings."
* insert WrValueSet
* include codes from system WrVisitSetting

// ---- Partnership upkeep (extensions on PartnerAffiliation) --------------------------------

CodeSystem: WrOnboardingStep
Id: wr-onboarding-step
Title: "Partnership onboarding step"
Description: "The steps of setting up a health center–advocacy partnership, from the seeds' onboarding checklist."
* insert WrCodeSystem
* #internal-lead "Internal lead named" "The clinic has named a partnership lead (champion) on its side."
  * ^designation[0].language = #es
  * ^designation[0].value = "Responsable interno designado"
* #mou-privacy-review "MOU and privacy review" "The memorandum of understanding and the privacy/confidentiality terms have been reviewed by both organizations."
  * ^designation[0].language = #es
  * ^designation[0].value = "Revisión del MOU y de la privacidad"
* #referral-flow-mapping "Referral flow mapped" "How referrals go from the clinic to the program and back has been mapped and agreed."
  * ^designation[0].language = #es
  * ^designation[0].value = "Flujo de derivación trazado"
* #tier-decided "Participation tier decided" "The partners have agreed the participation tier and collaboration level."
  * ^designation[0].language = #es
  * ^designation[0].value = "Nivel de participación decidido"
* #roles-documented "Roles documented" "Who does what on each side is written down."
  * ^designation[0].language = #es
  * ^designation[0].value = "Funciones documentadas"
* #staff-trained "Staff trained" "Clinic staff have been trained on the partnership and the referral flow."
  * ^designation[0].language = #es
  * ^designation[0].value = "Personal capacitado"

ValueSet: WrOnboardingStepVS
Id: wr-onboarding-step
Title: "Partnership onboarding step"
Description: "All partnership onboarding steps."
* insert WrValueSet
* include codes from system WrOnboardingStep

CodeSystem: WrCrossTrainingDirection
Id: wr-cross-training-direction
Title: "Cross-training direction"
Description: "Who trained whom in a cross-training between the clinic and the partner program."
* insert WrCodeSystem
* #clinic-at-program "Clinic staff at the program" "Clinic staff were trained by, or at, the partner program."
  * ^designation[0].language = #es
  * ^designation[0].value = "Personal de la clínica en el programa"
* #program-at-clinic "Program staff at the clinic" "The program's staff were trained by, or at, the clinic."
  * ^designation[0].language = #es
  * ^designation[0].value = "Personal del programa en la clínica"

ValueSet: WrCrossTrainingDirectionVS
Id: wr-cross-training-direction
Title: "Cross-training direction"
Description: "Both cross-training directions."
* insert WrValueSet
* include codes from system WrCrossTrainingDirection

CodeSystem: WrMeetingCadence
Id: wr-meeting-cadence
Title: "Partnership meeting cadence"
Description: "How often the clinic and the partner program meet about the partnership."
* insert WrCodeSystem
* #monthly "Monthly" "Once a month."
  * ^designation[0].language = #es
  * ^designation[0].value = "Mensual"
* #quarterly "Quarterly" "Every three months."
  * ^designation[0].language = #es
  * ^designation[0].value = "Trimestral"
* #twice-yearly "Twice a year" "Every six months."
  * ^designation[0].language = #es
  * ^designation[0].value = "Dos veces al año"
* #yearly "Yearly" "Once a year."
  * ^designation[0].language = #es
  * ^designation[0].value = "Anual"
* #as-needed "As needed" "No fixed schedule."
  * ^designation[0].language = #es
  * ^designation[0].value = "Según se necesite"

ValueSet: WrMeetingCadenceVS
Id: wr-meeting-cadence
Title: "Partnership meeting cadence"
Description: "All meeting cadences."
* insert WrValueSet
* include codes from system WrMeetingCadence

CodeSystem: WrPartnershipSide
Id: wr-partnership-side
Title: "Partnership side"
Description: "Which organization of the partnership a point of contact belongs to."
* insert WrCodeSystem
* #clinic "Clinic" "The health center."
  * ^designation[0].language = #es
  * ^designation[0].value = "Clínica"
* #program "Program" "The partner program."
  * ^designation[0].language = #es
  * ^designation[0].value = "Programa"

ValueSet: WrPartnershipSideVS
Id: wr-partnership-side
Title: "Partnership side"
Description: "Both sides of a partnership."
* insert WrValueSet
* include codes from system WrPartnershipSide
