// Text that came from a person or another system, made safe to store and to show beside other
// text. Bidirectional control characters (embeddings, overrides, isolates, marks) carry no
// meaning a directory, a referral or a partner record needs, and one unterminated override in a
// name reverses whatever follows it on screen — a partner's phone number in the call script.

/** U+200E/F (marks), U+202A–U+202E (embeddings, overrides), U+2066–U+2069 (isolates). */
const BIDI_CONTROLS = /[\u200E\u200F\u202A-\u202E\u2066-\u2069]/g;

export function hasBidiControls(text: string): boolean {
  return new RegExp(BIDI_CONTROLS.source).test(text);
}

/** The text without bidirectional control characters. */
export function stripBidiControls(text: string): string {
  return text.replace(BIDI_CONTROLS, "");
}

/**
 * Every string in a value (object keys left alone) without bidirectional control characters;
 * other values as they are. For form drafts and imported JSON before they are saved.
 */
export function stripBidiDeep<T>(value: T): T {
  if (typeof value === "string") return stripBidiControls(value) as T;
  if (Array.isArray(value)) return value.map((v: unknown) => stripBidiDeep(v)) as T;
  if (
    value !== null &&
    typeof value === "object" &&
    Object.getPrototypeOf(value) === Object.prototype
  ) {
    const out: Record<string, unknown> = {};
    for (const [k, v] of Object.entries(value)) out[k] = stripBidiDeep(v);
    return out as T;
  }
  return value;
}
