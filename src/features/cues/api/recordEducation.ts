import { useMutation, useQueryClient } from "@tanstack/react-query";
import { requireCapability, useChartSession } from "../../../app/session";
import type { CardOffered, Setting } from "../../../domain/journey";
import { buildEducationBundle } from "../../../fhir/builders/education";
import { queryKeys } from "../../../fhir/queryKeys";
import { bundleResponseSchema } from "../../../fhir/schemas";

export interface EducationRecord {
  /** Made once per guide, so a retry is the same conditional create. */
  clientId: string;
  performedAt: string;
  cards: CardOffered[];
  setting: Setting;
}

/**
 * Records that universal education was offered: one labelled Procedure in a transaction,
 * refused before sending unless the role records education; History re-reads.
 */
export function useRecordEducation() {
  const session = useChartSession();
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: async (record: EducationRecord) => {
      requireCapability(session, "record-education");
      const bundle = buildEducationBundle({
        ...record,
        patientId: session.patient.id,
        encounterId: session.encounterId,
        performer: session.user.reference,
        labelPolicy: session.clinic.labelPolicy,
      });
      await session.http.request(bundleResponseSchema, "", { method: "POST", body: bundle });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: queryKeys.history(session.patient.id) });
    },
  });
}
