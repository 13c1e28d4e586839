export * from "./structure";
export * from "./service";
export { NOMS_CHAMPS_ADRESSE, aUneAdresse } from "./adresse";
export type { Adresse } from "./adresse";
export { NOMS_CHAMPS_ORIGINE, MOTIF_SOURCE } from "./origine";
export type { Origine } from "./origine";
