import * as z from "zod/mini";
import { CODES } from "../../fhir/codes";
import { parseHours, splitLanguages, type PartnerForm } from "../../domain/partnerDraft";

// The partner editor's validation: zod, field-level errors as message keys the UI translates,
// checked before anything is sent. The draft itself is src/domain/partnerDraft.ts; FHIR ⇄ draft
// is src/fhir/builders/partner.ts.

// ---- validation ----------------------------------------------------------------------------

/** Message keys (translated by the UI). */
export type FieldError =
  | "required"
  | "oneType"
  | "oneService"
  | "phone"
  | "email"
  | "url"
  | "date"
  | "endBeforeStart"
  | "languages"
  | "hours"
  | "contact";

const required = z.string().check(z.trim(), z.minLength(1, { message: "required" }));
const optionalMatching = (re: RegExp, message: FieldError) =>
  z.string().check(z.refine((v) => v.trim() === "" || re.test(v.trim()), { message }));
const PHONE = /^\+?[0-9][0-9 ().-]{5,}[0-9]$/;
const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;
const HTTP_URL = /^https?:\/\/[^\s/]+\S*$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;

const serviceSchema = z.object({
  id: z.string(),
  name: required,
  services: z.array(z.enum(CODES.dsvServices)).check(z.minLength(1, { message: "oneService" })),
  languages: z
    .string()
    .check(
      z.refine(
        (v) =>
          splitLanguages(v).length > 0 &&
          splitLanguages(v).every((l) => /^[a-z]{2,3}(-[a-z0-9]{2,8})*$/.test(l)),
        { message: "languages" },
      ),
    ),
  open24x7: z.boolean(),
  hours: z.string(),
  phone: optionalMatching(PHONE, "phone"),
  chat: optionalMatching(HTTP_URL, "url"),
  walkIn: z.boolean(),
  eligibility: z.string(),
});

export const partnerFormSchema = z
  .object({
    name: required,
    types: z.array(z.enum(CODES.partnerType)).check(z.minLength(1, { message: "oneType" })),
    phone: optionalMatching(PHONE, "phone"),
    email: optionalMatching(EMAIL, "email"),
    website: optionalMatching(HTTP_URL, "url"),
    contactName: z.string(),
    contactPhone: optionalMatching(PHONE, "phone"),
    tier: z.enum(CODES.participationTier),
    collaboration: z.enum(CODES.collaborationLevel),
    mouStart: optionalMatching(DATE, "date"),
    mouEnd: optionalMatching(DATE, "date"),
    mouReview: optionalMatching(DATE, "date"),
    affiliationContact: z.string().check(
      z.refine((v) => v.trim() === "" || PHONE.test(v.trim()) || EMAIL.test(v.trim()), {
        message: "contact",
      }),
    ),
    endpointAddress: optionalMatching(HTTP_URL, "url"),
    endpointName: z.string(),
    services: z.array(serviceSchema),
  })
  .check(
    z.superRefine((form, ctx) => {
      if (form.mouStart && form.mouEnd && DATE.test(form.mouStart) && form.mouEnd < form.mouStart)
        ctx.issues.push({
          code: "custom",
          message: "endBeforeStart",
          path: ["mouEnd"],
          input: form,
        });
      form.services.forEach((s, i) => {
        if (!s.open24x7 && !parseHours(s.hours))
          ctx.issues.push({
            code: "custom",
            message: "hours",
            path: ["services", i, "hours"],
            input: s.hours,
          });
      });
    }),
  );

/** Field path ("services.0.name") → message key; empty when the form is valid. */
export function validateForm(form: PartnerForm): Record<string, FieldError> {
  const result = partnerFormSchema.safeParse(form);
  if (result.success) return {};
  const errors: Record<string, FieldError> = {};
  for (const issue of result.error.issues) {
    const path = issue.path.map(String).join(".");
    if (errors[path]) continue;
    const key = issue.message as FieldError;
    errors[path] = KNOWN_ERRORS.has(key) ? key : "required";
  }
  return errors;
}

const KNOWN_ERRORS = new Set<string>([
  "required",
  "oneType",
  "oneService",
  "phone",
  "email",
  "url",
  "date",
  "endBeforeStart",
  "languages",
  "hours",
  "contact",
]);
