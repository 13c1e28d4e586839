/**
 * The form of an INSEE commune code: 5 digits, or 2A/2B and 3 digits in Corsica. No data here, so that
 * browser scripts can check a code's form without loading the territory's communes.
 */
export const MOTIF_CODE_INSEE = /^(\d{5}|2[AB]\d{3})$/;
