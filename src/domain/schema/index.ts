export * from "./structure";
export * from "./service";
export { NOMS_CHAMPS_ADRESSE, aUneAdresse } from "./adresse";
export type { Adresse } from "./adresse";
