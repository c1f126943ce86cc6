// Bench part: the partner directory's in-browser filter over 1,000 partners (the directory's
// budget is one frame, 16 ms, per keystroke). Pure functions, timed in Node: index once, then
// the median of a mix of filters (free text, service, language, open now, tier + level).
import { performance } from "node:perf_hooks";
import { CODES } from "../../src/fhir/codes";
import type { Partner, PartnerService } from "../../src/domain/partner";
import {
  EMPTY_FILTER,
  filterPartners,
  indexPartners,
  type PartnerFilter,
} from "../../src/features/partners/filter";

const LANGS = ["en", "es", "vi", "zh", "so", "ru", "ar", "ko"];
const DAYS = ["mon", "tue", "wed", "thu", "fri", "sat", "sun"];

export function syntheticPartners(n: number): Partner[] {
  return Array.from({ length: n }, (_, i): Partner => {
    const services: PartnerService[] = Array.from({ length: 1 + (i % 3) }, (_, j) => ({
      id: `hs-${i}-${j}`,
      name: `Program ${i} service ${j} ${CODES.dsvServices[(i + j) % 13]}`,
      services: [
        CODES.dsvServices[(i + j) % 13] as string,
        CODES.dsvServices[(i * 7 + j) % 13] as string,
      ],
      languages: ["en", LANGS[(i + j) % LANGS.length] as string],
      open24x7: (i + j) % 11 === 0,
      hours: [{ days: DAYS.slice(0, 5 + (i % 3)), start: "09:00", end: i % 2 ? "17:00" : "20:00" }],
      phone: `503-555-${String(i).padStart(4, "0")}`,
      walkIn: i % 4 === 0,
      eligibility: `Adults and teens in county ${i % 17}; no documents needed`,
    }));
    return {
      id: `org-${i}`,
      name: `Partner program ${i} ${["Harbor", "Bridges", "Clearwater", "Freedom", "Eastside"][i % 5]}`,
      active: i % 20 !== 0,
      types: [CODES.partnerType[i % 9] as string],
      phone: `503-555-${String(i).padStart(4, "0")}`,
      services,
      affiliation: {
        id: `aff-${i}`,
        tier: ((i % 4) + 1) as 1 | 2 | 3 | 4,
        collaboration: (["informed", "collaborative", "integrated"] as const)[i % 3] ?? "informed",
        mouStart: "2025-01-01",
        mouEnd: "2027-12-31",
        mouReview: "2027-06-30",
      },
    };
  });
}

export function timePartnerFilter(n = 1000, runs = 50): { indexMs: number; filterMs: number } {
  const partners = syntheticPartners(n);
  const now = new Date(2026, 10, 23, 10, 0);
  const filters: PartnerFilter[] = [
    { ...EMPTY_FILTER, text: "harbor advoc" },
    { ...EMPTY_FILTER, service: "legal-advocacy" },
    { ...EMPTY_FILTER, language: "vi", open: "now" },
    { ...EMPTY_FILTER, tier: "2", collaboration: "collaborative", text: "county 3" },
    { ...EMPTY_FILTER, open: "24x7", includeInactive: true },
  ];
  const t0 = performance.now();
  const index = indexPartners(partners);
  const indexMs = performance.now() - t0;
  const times: number[] = [];
  for (let r = 0; r < runs; r++) {
    for (const f of filters) {
      const s = performance.now();
      filterPartners(index, f, now);
      times.push(performance.now() - s);
    }
  }
  times.sort((a, b) => a - b);
  const filterMs = times[Math.floor(times.length / 2)] ?? 0;
  return { indexMs: Math.round(indexMs * 100) / 100, filterMs: Math.round(filterMs * 1000) / 1000 };
}
