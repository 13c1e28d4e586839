/** The build's "today" in Paris: freshness marks are computed at build time (the site rebuilds daily). */
import { aujourdhuiAParis } from "../domain/dates";

export const aujourdhui = aujourdhuiAParis();
