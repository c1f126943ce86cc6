// React picks its development or production build when it is first loaded. The bench measures
// what the app ships, so production — set before any module loads React (src/fhir/partners.ts
// loads @tanstack/react-query, which loads React): this module is bench.ts's first import.
process.env.NODE_ENV ??= "production";
