import { useMutation, useQueryClient } from "@tanstack/react-query";
import { requireCapability, useSession } from "../../../app/session";
import type { AffiliationUpdate } from "../../../fhir/builders/partnership";
import { organizationAffiliationSchema } from "../../../fhir/partners";
import { queryKeys } from "../../../fhir/queryKeys";

// Partnership upkeep writes: each save is ONE update of the partner's OrganizationAffiliation,
// PUT with If-Match on the version the form was opened on (a 412 is a `conflict` failure the
// form reports, keeping what the admin entered). Refused before sending unless the role edits
// the directory; the directory and the partner are read again after.

export function useSaveAffiliation() {
  const session = useSession();
  const { http } = session;
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (update: AffiliationUpdate) => {
      requireCapability(session, "edit-directory");
      const { body } = await http.request(organizationAffiliationSchema, update.path, {
        method: "PUT",
        body: update.resource,
        headers: { "If-Match": update.ifMatch },
      });
      return body;
    },
    // The directory and this partner (queryKeys.partner(id) is under the same prefix).
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.partners() }),
  });
}
