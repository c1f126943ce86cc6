import type { WorklistFilter } from "../../domain/worklist";
import { WORKLIST_TEXT } from "./strings";
import { useText } from "../../ui/staffLanguage";

type Option = { value: string; label: string };

/** The worklist's filters: status, partner and (for the whole clinic) the referring staff. */
export function WorklistFilters({
  filter,
  set,
  partners,
  staff,
  clinicOrganization,
}: {
  filter: WorklistFilter;
  set: (patch: Partial<WorklistFilter>) => void;
  partners: readonly Option[];
  /** Undefined in a chart: one patient's referrals need no staff filter. */
  staff: readonly Option[] | undefined;
  clinicOrganization: string;
}) {
  const t = useText(WORKLIST_TEXT);
  return (
    <>
      <label>
        {t.filterStatus}{" "}
        <select value={filter.status} onChange={(e) => set({ status: e.target.value })}>
          <option value="open">{t.statusOpen}</option>
          <option value="overdue">{t.statusOverdue}</option>
          {["requested", "accepted", "in-progress", "on-hold"].map((s) => (
            <option key={s} value={s}>
              {t.statusLabel[s]}
            </option>
          ))}
          <option value="closed">{t.statusClosed}</option>
          <option value="all">{t.statusAll}</option>
        </select>
      </label>
      <label>
        {t.filterPartner}{" "}
        <select value={filter.partner} onChange={(e) => set({ partner: e.target.value })}>
          <option value="">{t.anyPartner}</option>
          {partners.map((o) => (
            <option key={o.value} value={o.value}>
              {o.value === clinicOrganization ? t.noPartner : o.label}
            </option>
          ))}
        </select>
      </label>
      {staff && (
        <label>
          {t.filterStaff}{" "}
          <select value={filter.staff} onChange={(e) => set({ staff: e.target.value })}>
            <option value="">{t.anyStaff}</option>
            {staff.map((o) => (
              <option key={o.value} value={o.value}>
                {o.label}
              </option>
            ))}
          </select>
        </label>
      )}
    </>
  );
}
