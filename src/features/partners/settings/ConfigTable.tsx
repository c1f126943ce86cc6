import { useId } from "react";
import type * as z from "zod/mini";
import { parseConfig } from "../../../config/loadConfig";
import type { UiLanguage } from "../../../content/lang";
import { useStaffLanguage, useText } from "../../../ui/staffLanguage";
import type { DeployedFile } from "../api/deployedConfig";
import { docKey, flatten } from "../settingsFields";
import { SETTINGS_TEXT } from "./text";

/** One deployed file: every field, its value, what it does and its check (start-up's schema). */
export function ConfigTable({
  file,
  loaded,
  schema,
  docs,
}: {
  file: string;
  loaded: DeployedFile;
  schema: z.ZodMiniType;
  docs: Record<string, Record<UiLanguage, string>>;
}) {
  const t = useText(SETTINGS_TEXT);
  const lang = useStaffLanguage();
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
