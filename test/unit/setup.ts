import "@testing-library/jest-dom/vitest";
import { installPacks } from "../../src/content/packs/index";
import { loadTestPacks } from "./packs";
import { loadFailureTexts } from "../../src/content/failureTexts";

// Boot installs the content packs before the first screen; so do the tests.
installPacks(loadTestPacks());

// The shell loads the failure panel's texts right after the first screen; so do the tests
// (src/ui/FailureAlert.test.tsx tries the panel before they load).
await loadFailureTexts();
