import { render } from "@testing-library/react";
import { PhoneText, fillNodeLines, fillNodes } from "./Bidi";

describe("values in pack templates", () => {
  const script = (partner: string, phone: string) => [
    `Call ${partner} at ${phone} with the patient in the room.`,
    `Introduce ${partner}.`,
  ];

  it("isolates each name and keeps the phone left to right, in the template's words", () => {
    const { container } = render(
      <ol>
        {fillNodeLines(script, "\u202ESafe Harbor", <PhoneText number="503-555-0100" />).map(
          (line, i) => (
            <li key={i}>{line}</li>
          ),
        )}
      </ol>,
    );
    const items = container.querySelectorAll("li");
    expect(items[0]?.textContent).toBe(
      "Call \u202ESafe Harbor at 503-555-0100 with the patient in the room.",
    );
    // The override ends with its <bdi>; the number is its own left-to-right run.
    expect(items[0]?.querySelector("bdi")?.textContent).toBe("\u202ESafe Harbor");
    expect(items[0]?.querySelector("[dir=ltr]")?.textContent).toBe("503-555-0100");
    expect(items[1]?.querySelectorAll("bdi")).toHaveLength(1);
  });

  it("works for a single-string template and leaves text without values as it is", () => {
    const { container } = render(
      <p>{fillNodes((p: string) => `Consent to share with ${p}:`, "Bridges")}</p>,
    );
    expect(container.textContent).toBe("Consent to share with Bridges:");
    expect(container.querySelector("bdi")?.textContent).toBe("Bridges");
    const plain = render(<p>{fillNodes(() => "Nothing to fill")}</p>);
    expect(plain.container.textContent).toBe("Nothing to fill");
  });
});
