import { isAllowed } from "../../fhir/scopes";

/** The partner resources an admin launch must be able to create and update. */
export const PARTNER_WRITE_TYPES = [
  "Organization",
  "HealthcareService",
  "OrganizationAffiliation",
  "Endpoint",
] as const;
export const ADMIN_SCOPES = PARTNER_WRITE_TYPES.map((t) => `user/${t}.cruds`);

export function canEditPartners(grantedScopes: readonly string[]): boolean {
  return PARTNER_WRITE_TYPES.every(
    (t) => isAllowed(grantedScopes, t, "c", ["user"]) && isAllowed(grantedScopes, t, "u", ["user"]),
  );
}
