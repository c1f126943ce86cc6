import { codeDisplay } from "../../fhir/codeDisplays";
import { useId, useState } from "react";
import type { PartnerRecord } from "../../fhir/partners";
import { useSetPartnerActive } from "./api/partnerWrites";
import { describeError, isConflict } from "./errors";
import { MouDetails } from "./page/MouDetails";
import { PartnerContacts } from "./page/PartnerContacts";
import { ReferralRoutes } from "./page/ReferralRoutes";
import { ServiceList } from "./page/ServiceList";
import { PartnershipSection } from "./partnership/PartnershipSection";
import { PARTNER_TEXT } from "./strings";
import { useStaffLanguage, useText } from "../../ui/staffLanguage";

// A partner's page: who they are, the MOU and partnership, how to refer, the services, the
// contacts; admins also edit, deactivate and keep the partnership record.

export function PartnerPage({
  record,
  canEdit,
  onBack,
  onEdit,
  onChanged,
}: {
  record: PartnerRecord;
  canEdit: boolean;
  onBack: () => void;
  onEdit: () => void;
  onChanged: (message: string) => void;
}) {
  const t = useText(PARTNER_TEXT);
  const lang = useStaffLanguage();
  const p = record.partner;
  const id = useId();
  const [error, setError] = useState<string | null>(null);
  const setPartnerActive = useSetPartnerActive();
  const busy = setPartnerActive.isPending;

  const setActive = async (active: boolean) => {
    if (!active && !window.confirm(t.deactivateConfirm)) return;
    setError(null);
    try {
      // On fresh versions for If-Match: someone may have edited since the list was loaded.
      await setPartnerActive.mutateAsync({ record, active });
      onChanged(active ? t.reactivated : t.deactivated);
    } catch (e) {
      setError(isConflict(e) ? t.conflictText : describeError(e, lang));
    }
  };

  return (
    <article aria-labelledby={`${id}-name`} className="partner-page" data-testid="partner-page">
      <p>
        <button type="button" className="link" onClick={onBack}>
          {t.back}
        </button>
      </p>
      <h1 id={`${id}-name`}>{p.name}</h1>
      {!p.active && (
        <p className="badge badge-off" data-testid="partner-inactive">
          {t.inactive}
        </p>
      )}
      <p>{p.types.map((c) => codeDisplay("wr-partner-type", c, lang)).join(" · ")}</p>
      {canEdit && (
        <div className="toolbar">
          <button type="button" onClick={onEdit} disabled={busy}>
            {t.edit}
          </button>
          {p.active ? (
            <button type="button" onClick={() => void setActive(false)} disabled={busy}>
              {t.deactivate}
            </button>
          ) : (
            <button type="button" onClick={() => void setActive(true)} disabled={busy}>
              {t.reactivate}
            </button>
          )}
        </div>
      )}
      {error && <p role="alert">{error}</p>}

      <MouDetails partner={p} />

      <PartnershipSection record={record} canEdit={canEdit} onEditDetails={onEdit} />

      <ReferralRoutes partner={p} />

      <ServiceList partner={p} />

      <PartnerContacts partner={p} />
    </article>
  );
}
