import "@testing-library/jest-dom/vitest";
import { installPacks } from "../../src/content/packs/index";
import { loadTestPacks } from "./packs";

// Boot installs the content packs before the first screen; so do the tests.
installPacks(loadTestPacks());
