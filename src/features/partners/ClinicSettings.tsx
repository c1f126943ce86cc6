import { useEffect, useId, useState } from "react";
import type * as z from "zod/mini";
import { clinicConfigSchema } from "../../config/clinicConfig";
import { parseConfig } from "../../config/loadConfig";
import { smartConfigSchema } from "../../config/smartConfig";
import type { UiLanguage } from "../../content/lang";
import { useStaffLanguage } from "../../ui/staffLanguage";
import { CLINIC_FIELDS, docKey, flatten, SMART_FIELDS } from "./settingsFields";

// Clinic configuration: the effective clinic-config.json and smart-config.json as deployed
// next to the app, every field validated (with the same schemas and messages as start-up) and
// explained. Read-only: IT edits the files; the README documents them.

const TEXT = {
  en: {
    title: "Clinic configuration",
    intro:
      "The settings in effect, read from the files deployed next to the app. IT changes them by editing the files (no rebuild); the README documents every field.",
    field: "Field",
    value: "Value",
    meaning: "What it does",
    check: "Check",
    ok: "OK",
    valid: (file: string) => `${file}: every field is valid.`,
    invalid: (file: string, n: number) => `${file}: ${n} problem${n === 1 ? "" : "s"}.`,
    missing: "(missing)",
    undocumented: "Not a known setting: check the spelling against the README.",
    loading: "Reading the configuration…",
    unreadable: (file: string, why: string) => `${file} could not be read: ${why}`,
    fix: "Fix:",
  },
  es: {
    title: "Configuración de la clínica",
    intro:
      "La configuración vigente, leída de los archivos publicados junto a la aplicación. TI la cambia editando los archivos (sin recompilar); el README documenta cada campo.",
    field: "Campo",
    value: "Valor",
    meaning: "Para qué sirve",
    check: "Revisión",
    ok: "Correcto",
    valid: (file: string) => `${file}: todos los campos son válidos.`,
    invalid: (file: string, n: number) => `${file}: ${n} problema${n === 1 ? "" : "s"}.`,
    missing: "(falta)",
    undocumented: "No es una opción conocida: revise la ortografía según el README.",
    loading: "Leyendo la configuración…",
    unreadable: (file: string, why: string) => `No se pudo leer ${file}: ${why}`,
    fix: "Corrección:",
  },
} satisfies Record<UiLanguage, unknown>;

type Loaded = { ok: true; json: unknown } | { ok: false; why: string };

async function readJson(file: string): Promise<Loaded> {
  try {
    const r = await fetch(new URL(file, document.baseURI).href, { cache: "no-cache" });
    if (!r.ok) return { ok: false, why: `HTTP ${r.status}` };
    return { ok: true, json: JSON.parse(await r.text()) as unknown };
  } catch (e) {
    return { ok: false, why: e instanceof Error ? e.message : String(e) };
  }
}

export default function ClinicSettings() {
  const lang = useStaffLanguage();
  const t = TEXT[lang];
  const [files, setFiles] = useState<{ clinic: Loaded; smart: Loaded } | null>(null);

  useEffect(() => {
    let cancelled = false;
    void Promise.all([readJson("clinic-config.json"), readJson("smart-config.json")]).then(
      ([clinic, smart]) => !cancelled && setFiles({ clinic, smart }),
    );
    return () => {
      cancelled = true;
    };
  }, []);

  return (
    <section aria-labelledby="settings-title" className="settings">
      <h1 id="settings-title">{t.title}</h1>
      <p>{t.intro}</p>
      {!files ? (
        <p role="status">{t.loading}</p>
      ) : (
        <>
          <ConfigTable
            file="public/clinic-config.json"
            loaded={files.clinic}
            schema={clinicConfigSchema}
            docs={CLINIC_FIELDS}
            lang={lang}
          />
          <ConfigTable
            file="public/smart-config.json"
            loaded={files.smart}
            schema={smartConfigSchema}
            docs={SMART_FIELDS}
            lang={lang}
          />
        </>
      )}
    </section>
  );
}

function ConfigTable({
  file,
  loaded,
  schema,
  docs,
  lang,
}: {
  file: string;
  loaded: Loaded;
  schema: z.ZodMiniType;
  docs: Record<string, Record<UiLanguage, string>>;
  lang: UiLanguage;
}) {
  const t = TEXT[lang];
  const id = useId();
  if (!loaded.ok) {
    return (
      <p role="alert" data-config-file={file}>
        {t.unreadable(file, loaded.why)}
      </p>
    );
  }
  const result = parseConfig(file, schema, loaded.json);
  const problems = result.ok || result.failure.kind !== "config" ? [] : result.failure.problems;
  const leaves = flatten(loaded.json);
  const leafPaths = new Set(leaves.map((l) => l.path));
  // Problems on fields that are absent (or on whole objects) get their own rows.
  const orphanProblems = problems.filter(
    (p) => !leafPaths.has(p.field) && !leaves.some((l) => l.path.startsWith(`${p.field}.`)),
  );
  const problemsOf = (path: string) =>
    problems.filter(
      (p) =>
        p.field === path ||
        (p.field !== "(top level)" &&
          !leafPaths.has(p.field) &&
          path.startsWith(`${p.field}.`) &&
          leaves.find((l) => l.path.startsWith(`${p.field}.`))?.path === path),
    );

  return (
    <>
      <h2 id={`${id}-h`}>{file}</h2>
      <p role="status" data-config-file={file} data-problems={problems.length}>
        {problems.length ? t.invalid(file, problems.length) : t.valid(file)}
      </p>
      <table aria-labelledby={`${id}-h`}>
        <thead>
          <tr>
            <th scope="col">{t.field}</th>
            <th scope="col">{t.value}</th>
            <th scope="col">{t.meaning}</th>
            <th scope="col">{t.check}</th>
          </tr>
        </thead>
        <tbody>
          {leaves.map(({ path, value }) => {
            const key = docKey(path, docs);
            const own = problemsOf(path);
            return (
              <tr key={path} data-field={path} data-valid={own.length === 0}>
                <th scope="row">
                  <code>{path}</code>
                </th>
                <td>{JSON.stringify(value)}</td>
                <td>{key ? docs[key]?.[lang] : t.undocumented}</td>
                <td>
                  {own.length === 0 ? (
                    <span className="status-pass">{t.ok}</span>
                  ) : (
                    own.map((p, i) => (
                      <span key={i} className="status-fail">
                        {p.message}. {t.fix} {p.fix}
                      </span>
                    ))
                  )}
                </td>
              </tr>
            );
          })}
          {orphanProblems.map((p, i) => {
            const key = docKey(p.field, docs);
            return (
              <tr key={`orphan-${i}`} data-field={p.field} data-valid={false}>
                <th scope="row">
                  <code>{p.field}</code>
                </th>
                <td>{t.missing}</td>
                <td>{key ? docs[key]?.[lang] : ""}</td>
                <td>
                  <span className="status-fail">
                    {p.message}. {t.fix} {p.fix}
                  </span>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </>
  );
}
