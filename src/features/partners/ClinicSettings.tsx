import { clinicConfigSchema } from "../../config/clinicConfig";
import { smartConfigSchema } from "../../config/smartConfig";
import { useText } from "../../ui/staffLanguage";
import { useDeployedConfig } from "./api/deployedConfig";
import { ConfigTable } from "./settings/ConfigTable";
import { SETTINGS_TEXT } from "./settings/text";
import { CLINIC_FIELDS, SMART_FIELDS } from "./settingsFields";

// Clinic configuration: the effective clinic-config.json and smart-config.json as deployed
// next to the app, every field validated (with the same schemas and messages as start-up) and
// explained. Read-only: IT edits the files; the README documents them.

const FILES = [
  {
    key: "clinic",
    file: "public/clinic-config.json",
    schema: clinicConfigSchema,
    docs: CLINIC_FIELDS,
  },
  { key: "smart", file: "public/smart-config.json", schema: smartConfigSchema, docs: SMART_FIELDS },
] as const;

export default function ClinicSettings() {
  const t = useText(SETTINGS_TEXT);
  const files = useDeployedConfig();

  return (
    <section aria-labelledby="settings-title" className="settings">
      <h1 id="settings-title">{t.title}</h1>
      <p>{t.intro}</p>
      {!files.data ? (
        <p role="status">{t.loading}</p>
      ) : (
        FILES.map(({ key, file, schema, docs }) => (
          <ConfigTable key={key} file={file} loaded={files.data[key]} schema={schema} docs={docs} />
        ))
      )}
    </section>
  );
}
