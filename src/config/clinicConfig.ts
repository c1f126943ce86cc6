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
  followUp: z.strictObject({ intervalDays: int(1, 365) }),
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
    }),
  ),
  consent: z.strictObject({ defaultDays: int(1, 365) }),
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
