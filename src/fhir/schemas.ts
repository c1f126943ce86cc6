import * as z from "zod/mini";

// zod schemas at the FHIR boundary: only the elements the app reads, everything else passes
// through untouched. A response that does not match is a "bad-response" failure, not a crash.

// FHIR datatypes shared by every resource schema in src/fhir.
export const str = () => z.optional(z.string());
export const coding = z.looseObject({ system: str(), code: str(), display: str() });
export const codeableConcept = z.looseObject({
  coding: z.optional(z.array(coding)),
  text: str(),
});
const humanName = z.looseObject({
  use: str(),
  text: str(),
  family: str(),
  given: z.optional(z.array(z.string())),
  prefix: z.optional(z.array(z.string())),
});
export const reference = z.looseObject({ reference: str(), display: str() });

export const patientSchema = z.looseObject({
  resourceType: z.literal("Patient"),
  id: z.string(),
  name: z.optional(z.array(humanName)),
  birthDate: str(),
  gender: str(),
  communication: z.optional(
    z.array(z.looseObject({ language: codeableConcept, preferred: z.optional(z.boolean()) })),
  ),
});
export type PatientJson = z.infer<typeof patientSchema>;

export const practitionerSchema = z.looseObject({
  resourceType: z.literal("Practitioner"),
  id: z.string(),
  name: z.optional(z.array(humanName)),
});

export const practitionerRoleSchema = z.looseObject({
  resourceType: z.literal("PractitionerRole"),
  id: z.string(),
  active: z.optional(z.boolean()),
  practitioner: z.optional(reference),
  organization: z.optional(reference),
  code: z.optional(z.array(codeableConcept)),
});

export const userSchema = z.discriminatedUnion("resourceType", [
  practitionerSchema,
  practitionerRoleSchema,
  patientSchema,
]);
export type UserJson = z.infer<typeof userSchema>;
export type PractitionerRoleJson = z.infer<typeof practitionerRoleSchema>;

export type HumanName = z.infer<typeof humanName>;
export type CodeableConcept = z.infer<typeof codeableConcept>;

/** Practitioner?_id=…&_revinclude=PractitionerRole:practitioner: the user and their roles. */
export const practitionerWithRolesSchema = z.looseObject({
  resourceType: z.literal("Bundle"),
  entry: z.optional(
    z.array(
      z.looseObject({
        resource: z.optional(
          z.union([
            practitionerSchema,
            practitionerRoleSchema,
            z.looseObject({ resourceType: z.string() }),
          ]),
        ),
      }),
    ),
  ),
});

/** An extension with any value and nested extensions (complex extensions). */
export type ExtensionJson = { url: string; extension?: ExtensionJson[]; [key: string]: unknown };
export const extension: z.ZodMiniType<ExtensionJson> = z.looseObject({
  url: z.string(),
  get extension() {
    return z.optional(z.array(extension));
  },
}) as unknown as z.ZodMiniType<ExtensionJson>;

/** A Consent as the app reads it: status, period, and what data it covers. */
export const consentSchema = z.looseObject({
  resourceType: z.literal("Consent"),
  id: z.string(),
  status: z.string(),
  provision: z.optional(
    z.looseObject({
      period: z.optional(z.looseObject({ start: str(), end: str() })),
      data: z.optional(z.array(z.looseObject({ reference: z.optional(reference) }))),
    }),
  ),
});
export type ConsentJson = z.infer<typeof consentSchema>;

/** The answer of a `_summary=count` search: only its total is read. */
export const countBundleSchema = z.looseObject({
  resourceType: z.literal("Bundle"),
  total: z.number(),
});

/** The answer to a transaction: one response per entry, in order. */
export const bundleResponseSchema = z.looseObject({
  resourceType: z.literal("Bundle"),
  type: str(),
  entry: z.optional(
    z.array(
      z.looseObject({
        response: z.optional(z.looseObject({ status: z.string(), location: str() })),
        resource: z.optional(z.looseObject({ resourceType: z.string(), id: str() })),
      }),
    ),
  ),
});
type BundleResponseJson = z.infer<typeof bundleResponseSchema>;

/** "Procedure/abc/_history/1" → "Procedure/abc" for each entry of a transaction response. */
export function createdReferences(response: BundleResponseJson): string[] {
  return (response.entry ?? []).map((e) => {
    const location = e.response?.location ?? "";
    const [type, id] = location.split("/");
    if (type && id) return `${type}/${id}`;
    return e.resource?.id ? `${e.resource.resourceType}/${e.resource.id}` : "";
  });
}
