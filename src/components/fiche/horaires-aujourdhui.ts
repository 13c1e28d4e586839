/**
 * Fills each « aujourd'hui » line of the page ([data-horaires-calendrier], see Horaires.tsx) from the
 * intervals the build computed: the opening_hours library never reaches the browser.
 */
import { momentParis } from "../../domain/dates";
import { phraseAujourdhui, type CalendrierHoraires } from "../../domain/horaires/aujourdhui";
import { insecables } from "../../domain/horaires/mots";

for (const e of document.querySelectorAll<HTMLElement>("[data-horaires-calendrier]")) {
  try {
    const phrase = phraseAujourdhui(JSON.parse(e.dataset.horairesCalendrier ?? "") as CalendrierHoraires, momentParis(new Date()));
    if (phrase) {
      e.textContent = insecables(phrase);
      e.hidden = false;
    }
  } catch {
    // A calendar that cannot be read: the dated openings remain.
  }
}
