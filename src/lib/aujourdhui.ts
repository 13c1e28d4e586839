/** The build's day (CARTO_AUJOURDHUI or today in Paris): dated marks are computed at build time (the site rebuilds daily). */
import { jourDuSite } from "../domain/dates";

export const aujourdhui = jourDuSite();
