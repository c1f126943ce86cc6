import { Fragment, type ReactNode } from "react";

// Text from people and other systems shown beside our own words: each name is isolated
// (<bdi>), so a right-to-left name — or one carrying an unterminated override — cannot reorder
// the words and numbers around it; phone numbers read left to right in any script; long strings
// wrap (styles.css: `.name`, `.phone`, body `overflow-wrap`).

/** A name (partner, person, program) in running text. */
export function Name({ children }: { children: ReactNode }) {
  return <bdi className="name">{children}</bdi>;
}

/** A phone number that never breaks across lines and reads left to right in any script. */
export function Phone({ number }: { number: string }) {
  return (
    <strong className="phone" dir="ltr" style={{ whiteSpace: "nowrap" }}>
      {number}
    </strong>
  );
}

/** A phone number in running text, not bold. */
export function PhoneText({ number }: { number: string }) {
  return (
    <span className="phone" dir="ltr">
      {number}
    </span>
  );
}

// Placeholders from the Private Use Area: they never occur in pack text or in values.
const OPEN = "\uE000";
const CLOSE = "\uE001";
const SLOT = new RegExp(`${OPEN}(\\d+)${CLOSE}`);

function split(text: string, values: readonly ReactNode[]): ReactNode {
  const parts = text.split(SLOT);
  return parts.map((part, i) => {
    if (i % 2 === 0) return part ? <Fragment key={i}>{part}</Fragment> : null;
    const value = values[Number(part)];
    return (
      <Fragment key={i}>
        {typeof value === "string" || typeof value === "number" ? <Name>{value}</Name> : value}
      </Fragment>
    );
  });
}

const slots = (n: number) => Array.from({ length: n }, (_, i) => `${OPEN}${i}${CLOSE}`);

/**
 * A pack template (a function of strings) rendered with its values in place: plain strings
 * isolated as names, React nodes (e.g. <PhoneText>) as given.
 * `fillNodes(t.consentWith, partnerName)`.
 */
export function fillNodes<A extends string[]>(
  template: (...args: A) => string,
  ...values: { [K in keyof A]: ReactNode }
): ReactNode {
  return split(template(...(slots(values.length) as A)), values);
}

/** The same for a template that gives a list of lines (e.g. the call script). */
export function fillNodeLines<A extends string[]>(
  template: (...args: A) => readonly string[],
  ...values: { [K in keyof A]: ReactNode }
): ReactNode[] {
  return template(...(slots(values.length) as A)).map((line) => split(line, values));
}
