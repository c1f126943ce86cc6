import { useId, type ReactNode } from "react";
import { FormButtons, SaveNotices, type SaveNoticesState } from "../shared/guardedSave";
import { useText } from "../../../ui/staffLanguage";
import { PARTNERSHIP_TEXT, STAFF_TEXT } from "../../../content/packs/index";

/**
 * The frame both partnership forms share: a titled form that the browser does not validate
 * (our checks name each field), its notices above, save and cancel below.
 */
export function UpkeepFrame({
  title,
  guard,
  pending,
  saveLabel,
  onSubmit,
  onReload,
  onCancel,
  children,
}: {
  title: string;
  guard: SaveNoticesState;
  pending: boolean;
  saveLabel: string;
  onSubmit: () => void;
  onReload: () => void;
  onCancel: () => void;
  children: ReactNode;
}) {
  const t = useText(STAFF_TEXT).partnership;
  const id = useId();
  return (
    <form
      noValidate
      className="upkeep-form"
      aria-labelledby={`${id}-title`}
      onSubmit={(e) => {
        e.preventDefault();
        onSubmit();
      }}
    >
      <h3 id={`${id}-title`}>{title}</h3>
      <SaveNotices
        guard={guard}
        text={PARTNERSHIP_TEXT}
        testId="upkeep-conflict"
        onReload={onReload}
      />
      {children}
      <FormButtons
        pending={pending}
        save={saveLabel}
        saving={t.saving}
        cancel={t.cancel}
        onCancel={onCancel}
      />
    </form>
  );
}
