import { render, screen } from "@testing-library/react";
import userEvent from "@testing-library/user-event";
import { UI } from "../content/ui";
import { PrivacyShield, ShieldButton } from "./PrivacyShield";
import { StaffLanguageContext } from "./staffLanguage";

const t = UI.en;

function renderShielded() {
  render(
    <StaffLanguageContext.Provider value="en">
      <PrivacyShield displayName="Care Resources">
        <ShieldButton />
        <label>
          Safe phone number <input />
        </label>
        <button type="button">Continue</button>
      </PrivacyShield>
    </StaffLanguageContext.Provider>,
  );
}

describe("privacy shield", () => {
  it("Esc hides everything at once; coming back returns focus to the control that had it", async () => {
    const user = userEvent.setup();
    renderShielded();
    const phone = screen.getByLabelText("Safe phone number");
    await user.click(phone);
    await user.keyboard("0199");
    await user.keyboard("{Escape}");
    expect(screen.getByTestId("shielded-content")).not.toBeVisible();
    expect(screen.getByTestId("neutral-screen")).toBeVisible();
    expect(document.activeElement).not.toBe(phone);
    await user.click(screen.getByRole("button", { name: t.shieldReturn }));
    expect(screen.getByTestId("shielded-content")).toBeVisible();
    expect(document.activeElement).toBe(phone);
    expect(phone).toHaveValue("0199");
  });

  it("a second Esc on the neutral screen keeps the first place to return to", async () => {
    const user = userEvent.setup();
    renderShielded();
    const next = screen.getByRole("button", { name: "Continue" });
    next.focus();
    await user.keyboard("{Escape}");
    await user.keyboard("{Escape}");
    await user.click(screen.getByRole("button", { name: t.shieldReturn }));
    expect(document.activeElement).toBe(next);
  });
});
