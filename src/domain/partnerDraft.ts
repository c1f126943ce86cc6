// The partner editor's draft: a flat form of one partner (the editor, the import preview and
// the save transaction all speak it), the hours text it uses, and the merge after a conflict.
// Pure; FHIR ⇄ draft lives in src/fhir/builders/partner.ts.

export const DAY_CODES = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"] as const;

export interface ServiceForm {
  /** Existing HealthcareService id; empty for a new one. */
  id: string;
  name: string;
  services: string[];
  /** Comma-separated BCP 47 codes, e.g. "en, es". */
  languages: string;
  open24x7: boolean;
  /** e.g. "mon-fri 09:00-17:00; sat 10:00-14:00" (ignored when open24x7). */
  hours: string;
  phone: string;
  chat: string;
  walkIn: boolean;
  eligibility: string;
}

export interface PartnerForm {
  name: string;
  types: string[];
  phone: string;
  email: string;
  website: string;
  contactName: string;
  contactPhone: string;
  tier: string;
  collaboration: string;
  mouStart: string;
  mouEnd: string;
  mouReview: string;
  /** Partnership point of contact (phone or email) on the affiliation. */
  affiliationContact: string;
  endpointAddress: string;
  endpointName: string;
  services: ServiceForm[];
}

export function emptyService(): ServiceForm {
  return {
    id: "",
    name: "",
    services: [],
    languages: "en",
    open24x7: false,
    hours: "mon-fri 09:00-17:00",
    phone: "",
    chat: "",
    walkIn: false,
    eligibility: "",
  };
}

export function emptyForm(): PartnerForm {
  return {
    name: "",
    types: [],
    phone: "",
    email: "",
    website: "",
    contactName: "",
    contactPhone: "",
    tier: "1",
    collaboration: "informed",
    mouStart: "",
    mouEnd: "",
    mouReview: "",
    affiliationContact: "",
    endpointAddress: "",
    endpointName: "",
    services: [emptyService()],
  };
}

// ---- hours text ⇄ availableTime -----------------------------------------------------------

export interface Hours {
  days: string[];
  start: string;
  end: string;
}

/** "mon-fri 09:00-17:00; sat 10:00-14:00" → entries; undefined when it does not parse. */
export function parseHours(text: string): Hours[] | undefined {
  const parts = text
    .split(/[;\n]/)
    .map((p) => p.trim())
    .filter(Boolean);
  const out: Hours[] = [];
  for (const part of parts) {
    const match = /^([a-z,\s-]+?)\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})$/i.exec(part);
    if (!match) return undefined;
    const [, dayText = "", start = "", end = ""] = match;
    const days = parseDays(dayText);
    if (!days || !validTime(start) || !validTime(end)) return undefined;
    out.push({ days, start: start.padStart(5, "0"), end: end.padStart(5, "0") });
  }
  return out;
}

function parseDays(text: string): string[] | undefined {
  const days = new Set<string>();
  for (const piece of text
    .toLowerCase()
    .split(/[,\s]+/)
    .filter(Boolean)) {
    const [from, to] = piece.split("-");
    const a = DAY_CODES.indexOf(from as (typeof DAY_CODES)[number]);
    if (a < 0) return undefined;
    if (to === undefined) {
      days.add(DAY_CODES[a] as string);
      continue;
    }
    const b = DAY_CODES.indexOf(to as (typeof DAY_CODES)[number]);
    if (b < a) return undefined;
    for (let i = a; i <= b; i++) days.add(DAY_CODES[i] as string);
  }
  return days.size ? DAY_CODES.filter((d) => days.has(d)) : undefined;
}

function validTime(time: string): boolean {
  const [h, m] = time.split(":").map(Number);
  return h !== undefined && m !== undefined && h >= 0 && h <= 24 && m >= 0 && m < 60;
}

/** Entries → "mon-fri 09:00-17:00; sat 10:00-14:00". */
export function formatHours(hours: readonly { days: string[]; start?: string; end?: string }[]) {
  return hours
    .map((h) => `${formatDays(h.days)} ${h.start ?? "00:00"}-${h.end ?? "24:00"}`)
    .join("; ");
}

function formatDays(days: readonly string[]): string {
  const idx = DAY_CODES.map((d, i) => (days.includes(d) ? i : -1)).filter((i) => i >= 0);
  const runs: string[] = [];
  for (let i = 0; i < idx.length;) {
    let j = i;
    while (j + 1 < idx.length && (idx[j + 1] as number) === (idx[j] as number) + 1) j++;
    const a = DAY_CODES[idx[i] as number] as string;
    const b = DAY_CODES[idx[j] as number] as string;
    runs.push(j - i >= 2 ? `${a}-${b}` : j === i ? a : `${a},${b}`);
    i = j + 1;
  }
  return runs.join(",");
}

export function splitLanguages(text: string): string[] {
  return [
    ...new Set(
      text
        .split(/[,\s]+/)
        .map((l) => l.trim().toLowerCase())
        .filter(Boolean),
    ),
  ];
}

/**
 * After a conflict (412): the user's edits on top of the latest version. A field the user did
 * not change takes their colleague's value; a field the user changed keeps the user's value
 * (`clashes` lists those the colleague changed too). Services are compared one by one, by id.
 */
export function mergeForms(
  original: PartnerForm,
  mine: PartnerForm,
  theirs: PartnerForm,
): { merged: PartnerForm; clashes: string[] } {
  const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
  const merged = { ...theirs };
  const clashes: string[] = [];
  for (const key of Object.keys(mine) as (keyof PartnerForm)[]) {
    if (key === "services") continue;
    if (!same(mine[key], original[key])) {
      (merged as Record<string, unknown>)[key] = mine[key];
      if (!same(theirs[key], original[key]) && !same(theirs[key], mine[key])) clashes.push(key);
    }
  }
  const originalById = new Map(original.services.filter((s) => s.id).map((s) => [s.id, s]));
  const theirsById = new Map(theirs.services.filter((s) => s.id).map((s) => [s.id, s]));
  const services: ServiceForm[] = [];
  for (const s of mine.services) {
    const before = s.id ? originalById.get(s.id) : undefined;
    const now = s.id ? theirsById.get(s.id) : undefined;
    if (before && now && same(s, before)) services.push(now);
    else {
      services.push(s);
      if (before && now && !same(now, before) && !same(now, s)) clashes.push(`services: ${s.name}`);
    }
  }
  // Services the colleague added meanwhile are kept too.
  for (const s of theirs.services)
    if (s.id && !originalById.has(s.id) && !services.some((m) => m.id === s.id)) services.push(s);
  merged.services = services;
  return { merged, clashes };
}
