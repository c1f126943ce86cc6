import * as jsBase64 from "js-base64";
import { decode, encodeURL, fromUint8Array } from "./base64";

const samples = [
  "",
  "a",
  "ab",
  "abc",
  "Señora Núñez ✓ 🌱",
  JSON.stringify({ fhirUser: "Practitioner/x", n: "ü" }),
];

describe("base64 shim", () => {
  it.each(samples)("matches js-base64 for %j", (text) => {
    const bytes = new TextEncoder().encode(text);
    expect(encodeURL(text)).toBe(jsBase64.encodeURL(text));
    expect(fromUint8Array(bytes, true)).toBe(jsBase64.fromUint8Array(bytes, true));
    expect(fromUint8Array(bytes)).toBe(jsBase64.fromUint8Array(bytes));
    expect(decode(jsBase64.encodeURL(text))).toBe(text);
    expect(decode(jsBase64.encode(text))).toBe(text);
  });

  it("round-trips random bytes", () => {
    const bytes = crypto.getRandomValues(new Uint8Array(97));
    expect(fromUint8Array(bytes, true)).toBe(jsBase64.fromUint8Array(bytes, true));
  });
});
