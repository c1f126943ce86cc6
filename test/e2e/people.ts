import type { BrowserContext, Page } from "playwright-core";
import { usePlaywright, type PlaywrightSession } from "./browser";
import type { E2eUrls } from "./globalSetup";
import { resetSandbox } from "./journey.helpers";

// Browser tests with several people at several computers (a provider, two advocates, the front
// desk): a fresh sandbox and page per test, and `newPerson()` for another page with its own
// cookies and sign-in, closed before the next test.

export function usePeople(
  urls: E2eUrls,
  expose: (session: PlaywrightSession) => void,
  locale = "en-US",
): () => Promise<Page> {
  const contexts: BrowserContext[] = [];
  let session: PlaywrightSession | undefined;
  usePlaywright(
    (s) => {
      session = s;
      expose(s);
    },
    {
      beforeEachTest: async () => {
        for (const c of contexts.splice(0)) await c.close();
        await resetSandbox(urls);
      },
      context: { locale },
    },
  );
  return async () => {
    if (!session) throw new Error("no browser yet");
    const context = await session.browser.newContext({ locale });
    contexts.push(context);
    return context.newPage();
  };
}
