/** /qualite/: what needs attention per service (signaux.ts), data·inclusion's score (score.ts), the import's refusals (rapport-import.ts), the list per structure (bilan.ts), « Relancer » (relance.ts), its CSV (csv.ts), the figures (chiffres.ts). */
export * from "./signaux";
export * from "./score";
export * from "./rapport-import";
export * from "./bilan";
export * from "./relance";
export * from "./csv";
export * from "./chiffres";
