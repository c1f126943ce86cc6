import { describe, expect, it } from "vitest";
import { hasBidiControls, stripBidiControls, stripBidiDeep } from "./text";

describe("bidirectional control characters", () => {
  it("strips every embedding, override, isolate and mark, and nothing else", () => {
    const controls = [
      "\u200E",
      "\u200F",
      "\u202A",
      "\u202B",
      "\u202C",
      "\u202D",
      "\u202E",
      "\u2066",
      "\u2067",
      "\u2068",
      "\u2069",
    ];
    for (const c of controls) {
      expect(hasBidiControls(`Safe${c} Harbor`)).toBe(true);
      expect(stripBidiControls(`Safe${c} Harbor`)).toBe("Safe Harbor");
    }
    // Letters of right-to-left scripts, other invisible characters and emoji stay.
    const kept = "مركز الأمان · מקלט · Phố · 👩‍⚕️ \u200B\u00A0";
    expect(hasBidiControls(kept)).toBe(false);
    expect(stripBidiControls(kept)).toBe(kept);
  });

  it("an override that would reverse the phone number after a name is gone", () => {
    expect(stripBidiControls("Call \u202ESafe Harbor at 503-555-0100")).toBe(
      "Call Safe Harbor at 503-555-0100",
    );
  });

  it("strips the strings of a draft or an imported Bundle, deep, leaving other values and keys", () => {
    const input = {
      name: "\u202EHarbor",
      types: ["dv\u200F"],
      walkIn: true,
      count: 3,
      nothing: null,
      services: [{ name: "Shelter\u2066", phone: "\u202D503-555-0100\u202C" }],
      "key\u202E": "v",
    };
    expect(stripBidiDeep(input)).toEqual({
      name: "Harbor",
      types: ["dv"],
      walkIn: true,
      count: 3,
      nothing: null,
      services: [{ name: "Shelter", phone: "503-555-0100" }],
      "key\u202E": "v",
    });
    // The input is not changed.
    expect(input.name).toBe("\u202EHarbor");
  });

  it("called twice in a row, finds both (no regex state left over)", () => {
    expect(hasBidiControls("a\u202Eb")).toBe(true);
    expect(hasBidiControls("a\u202Eb")).toBe(true);
  });
});
