import { render, screen } from "@testing-library/react";
import { afterEach, describe, expect, it } from "vitest";
import { compilePack } from "../content/packs/compile";
import { installPacks } from "../content/packs/index";
import { loadTestPacks, readPackJson } from "../../test/unit/packs";
import { StaffPackNote } from "./PackNotes";
import { StaffLanguageContext } from "./staffLanguage";

function renderIn(lang: "en" | "es") {
  return render(
    <StaffLanguageContext.Provider value={lang}>
      <StaffPackNote />
    </StaffLanguageContext.Provider>,
  );
}

describe("StaffPackNote", () => {
  afterEach(() => installPacks(loadTestPacks()));

  it("says nothing for English or a complete staff pack", () => {
    renderIn("en");
    renderIn("es");
    expect(screen.queryByTestId("staff-pack-fallback-note")).toBeNull();
  });

  it("names the staff entries a pack lacks, shown in English", () => {
    const english = readPackJson("en");
    const spanish = readPackJson("es");
    const { partnership: _p, historyHeading: _h, ...rest } = spanish.staff ?? {};
    const packs = loadTestPacks();
    packs.es = compilePack({ ...spanish, staff: rest }, english);
    installPacks(packs);
    renderIn("es");
    const note = screen.getByTestId("staff-pack-fallback-note");
    expect(note).toHaveAttribute("role", "note");
    expect(note).toHaveTextContent(/Faltan 2 parte\(s\) del texto para el personal/);
    expect(note).toHaveTextContent("partnership");
    expect(note).toHaveTextContent("historyHeading");
  });
});
