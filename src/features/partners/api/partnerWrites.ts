import { useMutation, useQueryClient } from "@tanstack/react-query";
import { requireCapability, useSession } from "../../../app/session";
import { buildActiveTransaction, type TransactionJson } from "../../../fhir/builders/partner";
import { fetchPartnerRecord, sendTransaction, type PartnerRecord } from "../../../fhir/partners";
import { queryKeys } from "../../../fhir/queryKeys";

// Every write to the directory: one transaction each, refused before sending unless the role
// edits the directory, and the directory's cache invalidated after.

function useDirectoryWrite<T>(send: (input: T) => Promise<string[]>) {
  const session = useSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (input: T) => {
      requireCapability(session, "edit-directory");
      return send(input);
    },
    onSuccess: () => queryClient.invalidateQueries({ queryKey: queryKeys.partners() }),
  });
}

/** Saves the editor's transaction (create or update); resolves to the response locations. */
export function useSavePartner() {
  const { http } = useSession();
  return useDirectoryWrite((transaction: TransactionJson) => sendTransaction(http, transaction));
}

/** Imports a planned directory transaction, all or nothing. */
export const useImportPartners = useSavePartner;

/** Deactivates or reactivates a partner, on its latest versions (If-Match). */
export function useSetPartnerActive() {
  const { http, clinic } = useSession();
  return useDirectoryWrite(
    async ({ record, active }: { record: PartnerRecord; active: boolean }) => {
      const fresh =
        (await fetchPartnerRecord(http, clinic.clinicOrganization, record.partner.id)) ?? record;
      return sendTransaction(http, buildActiveTransaction(fresh, active));
    },
  );
}
