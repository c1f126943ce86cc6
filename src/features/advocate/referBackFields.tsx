import type { ReactNode } from "react";
import { PROBLEM_FIELD, type DraftProblem } from "../../domain/incomingReferral";
import type { ReferBackStrings } from "./referBackStrings";

// What the referral-back form's fields share: ids under one base, each field's problems said
// beside it (aria-invalid + aria-describedby), and the labelled text input.

export interface FieldHelp {
  id: (name: string) => string;
  invalid: (field: string) => { "aria-invalid"?: true; "aria-describedby"?: string };
  problemText: (field: string) => ReactNode;
}

export function fieldHelp(base: string, problems: readonly DraftProblem[], t: ReferBackStrings) {
  const id = (name: string) => `${base}-${name}`;
  const has = (field: string) => problems.some((p) => PROBLEM_FIELD[p] === field);
  return {
    id,
    invalid: (field: string) =>
      has(field)
        ? { "aria-invalid": true as const, "aria-describedby": id(`${field}-problem`) }
        : {},
    problemText: (field: string) =>
      problems
        .filter((p) => PROBLEM_FIELD[p] === field)
        .map((p) => (
          <span key={p} id={id(`${field}-problem`)} className="field-problem">
            {t.problem[p]}
          </span>
        )),
  } satisfies FieldHelp;
}

/** A labelled text input; its problems are those of `problemOf` (its own name by default). */
export function TextField({
  help,
  name,
  label,
  value,
  onChange,
  type = "text",
  maxLength = 200,
  problemOf = name,
  showProblems = true,
  children,
}: {
  help: FieldHelp;
  name: string;
  label: string;
  value: string;
  onChange: (value: string) => void;
  type?: "text" | "tel" | "date";
  maxLength?: number;
  problemOf?: string;
  /** Whether this field says the problems (two fields may share one, e.g. the names). */
  showProblems?: boolean;
  children?: ReactNode;
}) {
  return (
    <p className="field">
      <label htmlFor={help.id(name)}>{label}</label>{" "}
      <input
        id={help.id(name)}
        name={name}
        type={type}
        autoComplete="off"
        {...(type === "date" ? {} : { maxLength })}
        value={value}
        {...help.invalid(problemOf)}
        onChange={(e) => onChange(e.target.value)}
      />{" "}
      {children}
      {showProblems && help.problemText(problemOf)}
    </p>
  );
}
