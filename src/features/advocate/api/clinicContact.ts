import * as z from "zod/mini";
import { queryOptions, useQuery } from "@tanstack/react-query";
import { useSession } from "../../../app/session";
import type { FhirHttp } from "../../../fhir/http";
import { str } from "../../../fhir/schemas";

// The clinic to call back (its Organization: name and phone), for the advocate's questions.

const organizationSchema = z.looseObject({
  resourceType: z.literal("Organization"),
  id: z.string(),
  name: str(),
  telecom: z.optional(z.array(z.looseObject({ system: str(), value: str() }))),
});

export interface ClinicContact {
  name?: string;
  phone?: string;
}

export async function fetchClinicContact(
  http: FhirHttp,
  reference: string,
): Promise<ClinicContact> {
  const org = (await http.request(organizationSchema, reference)).body;
  const phone = org.telecom?.find((t) => t.system === "phone")?.value;
  return { ...(org.name ? { name: org.name } : {}), ...(phone ? { phone } : {}) };
}

export function clinicContactQueryOptions(http: FhirHttp, reference: string) {
  return queryOptions({
    queryKey: ["clinic-contact", reference] as const,
    queryFn: () => fetchClinicContact(http, reference),
    staleTime: 60 * 60 * 1000,
  });
}

export function useClinicContact() {
  const session = useSession();
  return useQuery(clinicContactQueryOptions(session.http, session.clinic.clinicOrganization));
}
