import { render, screen } from "@testing-library/react";
import { describe, expect, it } from "vitest";
import { packFor, STAFF_TEXT } from "../content/packs/index";
import { UI } from "../content/ui";
import { StaffLanguageContext, useText, type TextSource } from "./staffLanguage";

function Words({ source }: { source: TextSource<{ word: string }> }) {
  return <p>{useText(source).word}</p>;
}

describe("useText", () => {
  it("reads a source in the language the provider holds, English without one", () => {
    const source = { en: { word: "Hello" }, es: { word: "Hola" } };
    const { unmount } = render(<Words source={source} />);
    expect(screen.getByText("Hello")).toBeInTheDocument();
    unmount();
    render(
      <StaffLanguageContext.Provider value="es">
        <Words source={source} />
      </StaffLanguageContext.Provider>,
    );
    expect(screen.getByText("Hola")).toBeInTheDocument();
  });

  it("the packs' staff text has the same shape, read from the installed packs", () => {
    expect(STAFF_TEXT.es).toBe(packFor("es").staff);
    expect(STAFF_TEXT.en).toBe(packFor("en").staff);
    expect(Object.keys(UI)).toEqual(["en", "es"]);
  });
});
