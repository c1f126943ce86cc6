import * as z from "zod/mini";
import { ROLES, type RoleMapping } from "../domain/roles";

// public/clinic-config.json: the clinic's own settings, editable by IT without a rebuild.
// Later features add to it; every field is documented in the README.

const text = () => z.string().check(z.minLength(1));
const localized = z.catchall(z.object({ en: text(), es: text() }), text());
const languageCode = () =>
  z.string().check(z.regex(/^[a-z]{2,3}$/, { message: 'must be a language code such as "en"' }));
const reference = (type: string) =>
  z.string().check(
    z.regex(new RegExp(`^${type}/[A-Za-z0-9\\-.]{1,64}$`), {
      message: `must look like "${type}/<id>"`,
    }),
  );
const roleCode = () =>
  z
    .string()
    .check(z.regex(/^([^|\s]+\|)?[^|\s]+$/, { message: 'must be "system|code" or "code"' }));
const int = (min: number, max: number) => z.number().check(z.int(), z.gte(min), z.lte(max));

export const SAFETY_CARD_TYPES = [
  "general",
  "adolescent",
  "reproductive-health",
  "trafficking",
  "lgbtq",
  "native",
  "disability",
  "elder",
] as const;

export const clinicConfigSchema = z.strictObject({
  /** The app's visible name: discreet, shown in the header and the window title. */
  displayName: z.string().check(z.minLength(1), z.maxLength(40)),
  /** The clinic's own Organization on the FHIR server (requester of referrals). */
  clinicOrganization: reference("Organization"),
  jurisdiction: z.strictObject({
    name: text(),
    /** Age below which the minors' confidentiality text applies. */
    minorAgeBelow: int(10, 21),
    mandatoryReporting: z.strictObject({ adult: localized, minor: localized }),
    /**
     * Optional: the jurisdiction's rule on whether a minor (under minorAgeBelow) may consent on
     * their own to sharing with a partner program, shown in the consent step for minors.
     */
    minorConsent: z.optional(localized),
  }),
  /** Security labels on everything the app writes about DSV care (R and SDV are always applied). */
  labelPolicy: z.strictObject({ nopat: z.boolean() }),
  /** Languages the patient-facing content is offered in (BCP 47 base codes). */
  languages: z.array(languageCode()).check(z.minLength(1)),
  safetyCards: z
    .array(
      z.strictObject({
        id: z
          .string()
          .check(z.regex(/^[a-z0-9-]+$/, { message: "use lower-case letters, digits and dashes" })),
        type: z.enum(SAFETY_CARD_TYPES),
        title: localized,
        languages: z.array(languageCode()).check(z.minLength(1)),
      }),
    )
    .check(z.minLength(1)),
  followUp: z.strictObject({
    intervalDays: int(1, 365),
    /**
     * Days until the clinic follows up, per urgency level (optional: "connect now" 2 days,
     * "soon" 7, routine intervalDays otherwise).
     */
    byUrgency: z.optional(
      z.strictObject({ now: int(1, 365), soon: int(1, 365), routine: int(1, 365) }),
    ),
    /** A referral the partner has not answered (still requested) after this many days is overdue. */
    partnerAnswerDays: z.optional(int(1, 90)),
  }),
  /**
   * Wording of the printable local resource card (optional; built-in wording otherwise). Each
   * text needs "en" and "es"; add other language codes to offer the card in those languages.
   * Keep it discreet: no words a person looking over the patient's shoulder would flag.
   */
  resourceCard: z.optional(
    z.strictObject({
      title: z.catchall(
        z.object({
          en: z.string().check(z.minLength(1), z.maxLength(40)),
          es: z.string().check(z.minLength(1), z.maxLength(40)),
        }),
        z.string().check(z.minLength(1), z.maxLength(40)),
      ),
      intro: localized,
      nationalHotline: localized,
      footer: z.optional(localized),
      /**
       * A discreet label per partner on the card (key: the partner's Organization id), instead
       * of a program name such as "… Sexual Assault Resource Center". Partners without one are
       * listed as a neutral numbered "Support line".
       */
      partnerLabels: z.optional(
        z.record(
          z
            .string()
            .check(z.regex(/^[A-Za-z0-9\-.]{1,64}$/, { message: "must be an Organization id" })),
          z.catchall(
            z.object({
              en: z.string().check(z.minLength(1), z.maxLength(40)),
              es: z.string().check(z.minLength(1), z.maxLength(40)),
            }),
            z.string().check(z.minLength(1), z.maxLength(40)),
          ),
        ),
      ),
    }),
  ),
  /**
   * The clinic's protocol after a disclosure of strangulation (choking), shown to the provider
   * with the delayed-injury prompt; per language (built-in default wording when absent).
   */
  strangulationProtocol: z.optional(localized),
  consent: z.strictObject({ defaultDays: int(1, 365) }),
  /**
   * The staff support page (for staff affected by violence): the clinic's own contacts, policy
   * and wording, each optional (built-in general wording otherwise). Staff-facing: "en" and
   * "es" texts.
   */
  staffSupport: z.optional(
    z.strictObject({
      /** The employee assistance program. */
      eap: z.optional(
        z.strictObject({ name: localized, phone: text(), hours: z.optional(localized) }),
      ),
      /** Who to tell at work about a safety concern (a role, not necessarily a person). */
      workplaceSafety: z.optional(
        z.strictObject({
          name: localized,
          phone: z.optional(text()),
          email: z.optional(text()),
        }),
      ),
      /** The clinic's workplace-violence or domestic-violence-at-work policy. */
      policy: z.optional(z.strictObject({ title: localized, url: z.url() })),
      /** What leave and safety-at-work options the clinic offers. */
      leave: z.optional(localized),
      /** How to talk to a supervisor, in the clinic's words. */
      supervisor: z.optional(localized),
    }),
  ),
  /**
   * De-identified reports (optional): counts below `suppressionThreshold` (default 11) are shown
   * as "<threshold", with complementary suppression, on screen and in every export.
   */
  reports: z.optional(z.strictObject({ suppressionThreshold: int(2, 100) })),
  /**
   * Which PractitionerRole codes mean which role in this app (optional: DEFAULT_ROLE_MAPPING
   * otherwise). Codes are "system|code" (exact) or "code" (any system).
   */
  roles: z.optional(
    z.strictObject({
      provider: z.optional(z.array(roleCode())),
      "medical-assistant": z.optional(z.array(roleCode())),
      admin: z.optional(z.array(roleCode())),
      manager: z.optional(z.array(roleCode())),
      "partner-advocate": z.optional(z.array(roleCode())),
      unmatched: z.enum([...ROLES, "none"]),
    }),
  ),
});

export type ClinicConfig = z.infer<typeof clinicConfigSchema>;
export type StaffSupportConfig = NonNullable<ClinicConfig["staffSupport"]>;

const SANDBOX_ROLES = "https://warm-referral.org/fhir/CodeSystem/wr-sandbox-user-role";
const HL7_ROLES = "http://terminology.hl7.org/CodeSystem/practitioner-role";

/**
 * Used when clinic-config.json has no `roles`: HL7's practitioner-role codes and the sandbox's.
 * A user whose codes match none is treated as a provider, as before roles existed; a clinic
 * that wants least privilege sets `roles.unmatched` to "none".
 */
export const DEFAULT_ROLE_MAPPING: RoleMapping = {
  codes: {
    provider: [`${HL7_ROLES}|doctor`, `${HL7_ROLES}|nurse`, `${SANDBOX_ROLES}|provider`],
    "medical-assistant": [`${SANDBOX_ROLES}|medical-assistant`],
    admin: [`${SANDBOX_ROLES}|clinic-admin`],
    manager: [`${SANDBOX_ROLES}|clinic-manager`],
    "partner-advocate": [`${SANDBOX_ROLES}|partner-advocate`],
  },
  unmatched: "provider",
};

export function roleMappingOf(clinic: ClinicConfig): RoleMapping {
  if (!clinic.roles) return DEFAULT_ROLE_MAPPING;
  const { unmatched, ...codes } = clinic.roles;
  return { codes, unmatched };
}

/**
 * Built-in protocol text after strangulation, when the clinic has not configured its own.
 * Based on the Training Institute on Strangulation Prevention, "Recommendations for the
 * Medical/Radiographic Evaluation of Acute Adult, Non-Fatal Strangulation" (2019).
 */
export const DEFAULT_STRANGULATION_PROTOCOL: { en: string; es: string } = {
  en: "Examine the neck, voice, swallowing, breathing and eyes now and document what you find. With loss of consciousness, loss of bladder or bowel control, vision changes, trouble breathing or swallowing, voice changes or neck pain or swelling, send the patient to the emergency department today for CT angiography of the neck. Tell the patient which signs mean coming back or calling 911 at once.",
  es: "Examine ahora el cuello, la voz, la deglución, la respiración y los ojos, y documente los hallazgos. Si hubo pérdida del conocimiento, pérdida del control de la vejiga o del intestino, cambios en la visión, dificultad para respirar o tragar, cambios en la voz o dolor o hinchazón del cuello, envíe a la paciente hoy a urgencias para una angiotomografía de cuello. Explique a la paciente qué señales significan volver o llamar al 911 de inmediato.",
};

/** The clinic's strangulation protocol in `lang` (its English text for other languages; the built-in default when not configured). */
export function strangulationProtocol(config: ClinicConfig, lang: string): string {
  const c = config.strangulationProtocol;
  if (c) return c[lang] ?? c.en;
  return DEFAULT_STRANGULATION_PROTOCOL[lang === "es" ? "es" : "en"];
}

/** Shown to staff in the consent step for a minor when the clinic has not set its own rule. */
export const DEFAULT_MINOR_CONSENT: { en: string; es: string } = {
  en: "The patient is a minor. Whether they may consent on their own to sharing with this program depends on your jurisdiction's law and the program's rules: check before sending, and never contact a parent or guardian without the patient's agreement unless the law requires it.",
  es: "El paciente es menor de edad. Si puede consentir por su cuenta compartir con este programa depende de la ley de su jurisdicción y de las reglas del programa: verifíquelo antes de enviar, y nunca contacte a un padre, madre o tutor sin el acuerdo del paciente salvo que la ley lo exija.",
};

/** The minors' consent rule in `lang` (the clinic's, else the built-in reminder). */
export function minorConsentText(config: ClinicConfig, lang: string): string {
  const c = config.jurisdiction.minorConsent;
  if (c) return c[lang] ?? c.en;
  return DEFAULT_MINOR_CONSENT[lang === "es" ? "es" : "en"];
}

/** The small-cell suppression threshold of the reports (clinic-config reports, default 11). */
export const DEFAULT_SUPPRESSION_THRESHOLD = 11;
export function suppressionThreshold(config: ClinicConfig): number {
  return config.reports?.suppressionThreshold ?? DEFAULT_SUPPRESSION_THRESHOLD;
}
