/**
 * The search page in headless Chromium (Debian's, CPU not throttled, network = localhost), read
 * through the User Timing marks the page emits (src/components/recherche/Recherche.tsx):
 * - first results: the `carto:premiers-resultats` mark of /recherche/?commune=<INSEE>, from
 *   navigation start, each load in a new context (cold cache);
 * - keystroke → painted list: the words are typed one character at a time; for each keystroke, from
 *   the `input` event's timeStamp to the first `carto:liste-peinte` mark whose `q` is the field's
 *   (trimmed) value and that is up to date (`aJour`): a keystroke whose list is not painted before
 *   the next keystroke is "superseded" and counted apart;
 * - query time: the text query (`carto:texte`) + the filtering of its answer (`carto:requete`).
 */
import type { Browser, Page } from "playwright-core";
import { lancerNavigateur, nouvellePage } from "../../tests/e2e/navigateur";
import { demarrerServeur } from "../../tests/e2e/serveur";
import type { RequeteBench } from "./requetes";
import { distribution, type Distribution } from "./statistiques";

export interface Ecran {
  largeur: number;
  hauteur: number;
}
export const TELEPHONE: Ecran = { largeur: 360, hauteur: 740 };
export const ECRAN_LARGE: Ecran = { largeur: 1280, hauteur: 900 };
/** Between two keystrokes, as a person types on a phone. */
export const DELAI_FRAPPE_MS = 120;

interface Marque {
  t: number;
  q: string;
  aJour?: boolean;
  dureeMs?: number;
}
interface Frappe {
  t: number;
  v: string;
}
interface Releve {
  frappes: Frappe[];
  peintes: Marque[];
  /** `carto:cartes-peintes`: every card of the page rendered and painted. */
  cartes: Marque[];
  listes: Marque[];
  textes: Marque[];
  requetes: Marque[];
}

/** Installed before the page's scripts: every input event of the words field, with its timeStamp. */
function ecouterFrappes() {
  const w = window as unknown as { __frappes: { t: number; v: string }[] };
  w.__frappes = [];
  window.addEventListener(
    "input",
    (e) => {
      const champ = e.target as HTMLInputElement | null;
      if (champ?.id === "recherche-mots") w.__frappes.push({ t: e.timeStamp, v: champ.value });
    },
    true,
  );
}

const MARQUE_PREMIERS = "carto:premiers-resultats";

/**
 * Installed before the page's scripts: says on the console when the first results are painted. Waiting
 * for that message costs the page nothing, where polling it with `waitForFunction` made Playwright inject
 * and run its own script in the page while it loaded (bench: 599 → 566 ms median at 2,000 services).
 */
function signalerPremiersResultats() {
  new PerformanceObserver((liste) => {
    for (const m of liste.getEntries()) if (m.name === "carto:premiers-resultats") console.debug("carto:premiers-resultats");
  }).observe({ type: "mark" });
}

async function releve(page: Page, depuis: number): Promise<Releve> {
  // No named function inside: the page gets this callback's source, without tsx's helpers.
  return page.evaluate((depuis) => {
    const [peintes, listes, textes, requetes, cartes] = ["carto:liste-peinte", "carto:liste", "carto:texte", "carto:requete", "carto:cartes-peintes"].map((nom) =>
      performance
        .getEntriesByName(nom, "mark")
        .filter((m) => m.startTime >= depuis)
        .map((m) => ({ t: m.startTime, ...((m as PerformanceMark).detail as { q: string }) })),
    );
    const frappes = (window as unknown as { __frappes: Frappe[] }).__frappes.filter((f) => f.t >= depuis);
    return { peintes: peintes!, listes: listes!, textes: textes!, requetes: requetes!, cartes: cartes!, frappes };
  }, depuis);
}

/**
 * Resolves once the list for the words `q` is painted and up to date, after time `apres`; with `oupose`,
 * also once the typing has paused on them with the list up to date (`carto:mots-poses`): a query's last key
 * may leave the terms, and so the list, as they were (« permis » searches as « permi »).
 */
async function attendreListe(page: Page, q: string, apres: number, delaiMs = 30_000, oupose = false): Promise<void> {
  await page.waitForFunction(
    ([q, apres, noms]) =>
      noms.some((nom) =>
        performance
          .getEntriesByName(nom, "mark")
          .some((m) => m.startTime >= apres && (m as PerformanceMark).detail?.q === q && (m as PerformanceMark).detail?.aJour),
      ),
    [q, apres, oupose ? ["carto:liste-peinte", "carto:mots-poses"] : ["carto:liste-peinte"]] as const,
    { timeout: delaiMs, polling: 20 },
  );
}

/**
 * Types `q`, one input event every DELAI_FRAPPE_MS. Not Playwright's `keyboard.type(q, { delay })`: it
 * waits between a key's down (the input event) and up, but for a character off the US layout (« é »,
 * « ç ») before it, so that the next key came right after an accented one: its list was then
 * « superseded » and the next keystroke measured while the page still worked on the accented one.
 */
async function taperAuRythme(page: Page, q: string): Promise<void> {
  for (const caractere of q) {
    if (/^[\x20-\x7e]$/.test(caractere)) await page.keyboard.press(caractere, { delay: DELAI_FRAPPE_MS });
    else {
      await page.keyboard.insertText(caractere);
      await new Promise((fin) => setTimeout(fin, DELAI_FRAPPE_MS));
    }
  }
}

/**
 * Empties the words field (and waits for the whole list), then types `q` one character at a time;
 * returns what was recorded from the first keystroke on. `fini`: the last keystroke's list came.
 * `cartes`: the search page's own, which renders its cards off screen once the typing has paused: that
 * is waited for too (its mark goes in the record), so that the next query does not start while they are
 * rendered.
 */
async function taper(page: Page, q: string, cartes = false, listeALEcran = false): Promise<Releve & { fini: boolean; aLEcran?: boolean }> {
  const champ = page.locator("#recherche-mots");
  if ((await champ.inputValue()) !== "") {
    const avant = await page.evaluate(() => performance.now());
    await champ.fill("");
    await attendreListe(page, "", avant);
  }
  // Before each query: a query that found little shortened the page, and so moved the list.
  const aLEcran = listeALEcran ? await listeSousLeChamp(page) : undefined;
  const debut = await page.evaluate(() => performance.now());
  await champ.focus();
  await taperAuRythme(page, q);
  const derniere = await page.evaluate(() => (window as unknown as { __frappes: { t: number }[] }).__frappes.at(-1)!.t);
  let fini = true;
  try {
    await attendreListe(page, q.trim(), derniere, 10_000, true);
  } catch {
    fini = false;
  }
  if (cartes) {
    // The mark that follows the query's last list. Its words may be the answer's, as typed before a last key
    // that left the terms as they were (« permis » searches as « permi »).
    await page
      .waitForFunction(
        // No named function inside: the page gets this callback's source, without tsx's helpers.
        (debut) => {
          const [listes, cartes] = ["carto:liste", "carto:cartes-peintes"].map((nom) =>
            performance.getEntriesByName(nom, "mark").filter((m) => m.startTime >= debut && (m as PerformanceMark).detail?.aJour),
          );
          const liste = listes!.at(-1) as PerformanceMark | undefined;
          return liste !== undefined && cartes!.some((m) => m.startTime >= liste.startTime && (m as PerformanceMark).detail?.q === liste.detail?.q);
        },
        debut,
        { timeout: 5_000, polling: 20 },
      )
      .catch(() => undefined);
  }
  return { ...(await releve(page, debut)), fini, aLEcran };
}

/**
 * Scrolls the words field to the top of the screen, as a person does on a phone to see the list while
 * typing; says whether a card of the list is then on screen.
 */
function listeSousLeChamp(page: Page): Promise<boolean> {
  // No named function inside: the page gets this callback's source, without tsx's helpers.
  return page.evaluate(async () => {
    const champ = document.getElementById("recherche-mots")!;
    window.scrollTo(0, champ.getBoundingClientRect().top + window.scrollY - 8);
    // Two frames: the page's IntersectionObserver (which cards a keystroke renders) has seen the scroll.
    await new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok)));
    const r = document.querySelector(".liste-services > li")?.getBoundingClientRect();
    return r !== undefined && r.top < innerHeight && r.bottom > 0;
  });
}

/** In a page's script: `marquer(q)` marks `carto:liste-peinte` as the search page does (requestAnimationFrame, then a task). */
const MARQUER_COMME_LA_PAGE = `const marquer = (q) => requestAnimationFrame(() => setTimeout(() => performance.mark("carto:liste-peinte", { detail: { q, aJour: true } }), 0));`;

/** Keystroke → painted, for each keystroke of `requetes` typed in `page` (the floors' pages). */
async function latencesDesFrappes(page: Page, requetes: readonly RequeteBench[]): Promise<Distribution> {
  const latences: number[] = [];
  for (const { q } of requetes) latences.push(...analyserFrappes(await taper(page, q)).latences);
  return distribution(latences);
}

/**
 * The floor of the measure: a bare page whose input handler writes the words into a paragraph and
 * marks `carto:liste-peinte` as the search page does (requestAnimationFrame, then a task). What
 * remains is Chromium's own input handling, the wait for the next frame and its paint.
 */
const PAGE_NUE = `<!doctype html><meta name="viewport" content="width=device-width"><input id="recherche-mots"><p id="p"></p><script>
const champ = document.getElementById("recherche-mots"), p = document.getElementById("p");
${MARQUER_COMME_LA_PAGE}
champ.addEventListener("input", () => { p.textContent = champ.value; marquer(champ.value.trim()); });
marquer("");
</script>`;

/** The search page made static (a copy without the app's listeners): its words field, its list and its cards' HTML. */
const PAGE_FIGEE = `${MARQUER_COMME_LA_PAGE}
  const avant = document.querySelector(".recherche");
  const page = avant.cloneNode(true);
  avant.replaceWith(page);
  const champ = page.querySelector("#recherche-mots");
  const liste = page.querySelector(".liste-services");
  const cartes = Array.from(liste.children, (li) => li.innerHTML);`;

/**
 * The floor of the measure when the cards on screen change: the search page itself (its DOM, its CSS, a
 * commune's whole page of cards shown), made static — a copy without the app's listeners — whose input
 * handler only puts another card of that page in place of the first (on screen), and marks `carto:liste-peinte`
 * as the search page does. No query, no framework: what remains is Chromium's input handling and the
 * frame that lays out, paints and rasters one new card.
 */
const FIGER_LA_PAGE = `(() => {
  ${PAGE_FIGEE}
  const premiere = liste.firstElementChild.getBoundingClientRect();
  let n = 0;
  champ.addEventListener("input", () => {
    const li = document.createElement("li");
    li.innerHTML = cartes[++n % cartes.length];
    liste.firstElementChild.replaceWith(li);
    marquer(champ.value.trim());
  });
  return { cartes: cartes.length, aLEcran: premiere.top < innerHeight && premiere.bottom > 0 };
})()`;

/**
 * The floor of the measure with the list on screen on a phone: the search page made static as above,
 * scrolled as the measure scrolls it (the words field at the top), whose input handler puts other cards
 * of the page in place of every card on screen, and marks `carto:liste-peinte` as the search page does:
 * what Chromium alone takes to lay out, paint and raster the list a person sees, at each key.
 */
const FIGER_LA_LISTE_A_L_ECRAN = `(() => {
  ${PAGE_FIGEE}
  const aLEcran = Array.from(liste.children).filter((li) => {
    const r = li.getBoundingClientRect();
    return r.top < innerHeight && r.bottom > 0;
  }).length;
  let n = 0;
  champ.addEventListener("input", () => {
    for (let k = 0; k < aLEcran; k++) {
      const li = document.createElement("li");
      li.innerHTML = cartes[++n % cartes.length];
      liste.children[k].replaceWith(li);
    }
    marquer(champ.value.trim());
  });
  return { cartes: cartes.length, aLEcran };
})()`;

export interface AnalyseFrappes {
  latences: number[];
  /** Keystrokes whose list was painted after the next keystroke. */
  depassees: number;
  /**
   * Keystrokes after which the page paints no new list: the searched words did not change (a single
   * letter, a stop word, a space, a short word being typed that is no term of the index).
   */
  sansListeNouvelle: number;
  /** Where the time of a keystroke goes: input → text query answered, → list committed, → painted. */
  versTexte: number[];
  rendu: number[];
  peinture: number[];
  /**
   * The query's last keystroke → every card of its page painted (`carto:cartes-peintes`): those off screen
   * come once the typing has paused.
   */
  cartesPeintes: number[];
  /** Queries whose every card was painted before their last keystroke (none off screen left to come). */
  cartesAvantLaFin: number;
  tempsTexte: number[];
  tempsFiltre: number[];
  tempsRequete: number[];
}

export function analyserFrappes(r: Releve): AnalyseFrappes {
  const a: AnalyseFrappes = { latences: [], depassees: 0, sansListeNouvelle: 0, cartesAvantLaFin: 0, versTexte: [], rendu: [], peinture: [], cartesPeintes: [], tempsTexte: [], tempsFiltre: [], tempsRequete: [] };
  r.frappes.forEach((f, k) => {
    const q = f.v.trim();
    const suivante = r.frappes[k + 1]?.t ?? Infinity;
    const peinte = r.peintes.find((m) => m.t >= f.t && m.aJour && m.q === q);
    if (!peinte) {
      a.sansListeNouvelle++;
      return;
    }
    if (peinte.t > suivante) {
      a.depassees++;
      return;
    }
    a.latences.push(peinte.t - f.t);
    const dans = (m: Marque) => m.t >= f.t && m.t <= peinte.t && m.q === q;
    const texte = r.textes.find(dans);
    const liste = r.listes.find((m) => dans(m) && m.aJour);
    if (texte && liste) {
      a.versTexte.push(texte.t - f.t);
      a.rendu.push(liste.t - texte.t);
      a.peinture.push(peinte.t - liste.t);
    }
  });
  // The query's last list and every card of its page painted: after the last keystroke
  // when the cards off screen waited for the pause, before it when the page had none off screen.
  const derniere = r.frappes.at(-1);
  const liste = r.listes.filter((m) => m.aJour).at(-1);
  const cartes = liste && r.cartes.find((m) => m.t >= liste.t && m.aJour && m.q === liste.q);
  if (derniere && cartes) {
    if (cartes.t >= derniere.t) a.cartesPeintes.push(cartes.t - derniere.t);
    else a.cartesAvantLaFin++;
  }
  for (const t of r.textes) {
    a.tempsTexte.push(t.dureeMs ?? NaN);
    const filtre = r.requetes.find((m) => m.t >= t.t && m.q === t.q);
    if (filtre) a.tempsRequete.push((t.dureeMs ?? NaN) + (filtre.dureeMs ?? NaN));
  }
  for (const m of r.requetes) a.tempsFiltre.push(m.dureeMs ?? NaN);
  return a;
}

export interface MesuresFrappes {
  ecran: Ecran;
  requetes: number;
  frappes: number;
  depassees: number;
  sansListeNouvelle: number;
  /** See AnalyseFrappes. */
  cartesAvantLaFin: number;
  /** Queries whose final list never came (time-out). */
  echecs: string[];
  /** With the list on screen (the words field scrolled to the top): the queries that had a card on screen, of `requetes`. */
  listeALEcran?: number;
  latence: Distribution;
  versTexte: Distribution;
  rendu: Distribution;
  peinture: Distribution;
  cartesPeintes: Distribution;
  tempsTexte: Distribution;
  tempsFiltre: Distribution;
  tempsRequete: Distribution;
  /** Navigation → list filtered by words typed as soon as the first results show (the text index built first). */
  premiersMots: Distribution;
}

export interface MesuresPremiers {
  ecran: Ecran;
  /** Navigation → `carto:premiers-resultats`. */
  premiers: Distribution;
  /** Navigation → index file received. */
  indexRecu: Distribution;
  /** URL paths requested by the page during a load (first results, then the text index). */
  chemins: string[];
  /** Those requested before the first results were painted. */
  cheminsAvantPremiers: string[];
}

export interface Chromium {
  version: string;
  premiersResultats(ecran: Ecran, communes: readonly string[]): Promise<MesuresPremiers>;
  /** With `listeALEcran`, the words field is scrolled to the top before each query, the list below it on screen. */
  frappes(ecran: Ecran, requetes: readonly RequeteBench[], listeALEcran?: boolean): Promise<MesuresFrappes>;
  /** Keystroke → painted on a bare page (see PAGE_NUE), the same queries typed the same way. */
  plancher(ecran: Ecran, requetes: readonly RequeteBench[]): Promise<Distribution>;
  /**
   * Keystroke → painted on the search page made static (see FIGER_LA_PAGE), its first card replaced at
   * every key: what Chromium alone takes to paint one new card, for the commune `commune`.
   */
  plancherCartes(ecran: Ecran, commune: string, requetes: readonly RequeteBench[]): Promise<Distribution>;
  /**
   * Keystroke → painted on the search page made static (see FIGER_LA_LISTE_A_L_ECRAN), scrolled so that the
   * list is on screen under the words field, every card on screen replaced at every key.
   */
  plancherListeALEcran(ecran: Ecran, commune: string, requetes: readonly RequeteBench[]): Promise<Distribution & { cartesALEcran: number }>;
  /** Closes the browser and the server; returns the page's console errors and outside requests. */
  fermer(): Promise<string[]>;
}

/**
 * Outside hosts do not resolve: no request can leave 127.0.0.1, without routing every request through
 * Playwright (its interception delays each of the page's requests by a round trip to this process,
 * hundreds of milliseconds on a busy 2-core machine, which a visitor never pays).
 */
const HORS_LOCAL = "--host-resolver-rules=MAP * ~NOTFOUND , EXCLUDE 127.0.0.1";

/** A page without request interception; outside requests (which fail to resolve) and errors recorded. */
async function pageSansRoutage(navigateur: Browser, urlServeur: string, ecran: Ecran) {
  const contexte = await navigateur.newContext({ viewport: { width: ecran.largeur, height: ecran.hauteur }, locale: "fr-FR", timezoneId: "Europe/Paris" });
  const page = await contexte.newPage();
  const requetesExterieures: string[] = [];
  const erreursConsole: string[] = [];
  page.on("request", (r) => {
    if (!r.url().startsWith(urlServeur) && !/^(data|blob):/.test(r.url())) requetesExterieures.push(r.url());
  });
  page.on("console", (m) => {
    if (m.type() === "error") erreursConsole.push(m.text());
  });
  page.on("pageerror", (e) => erreursConsole.push(String(e)));
  return { page, contexte, requetesExterieures, erreursConsole };
}

export async function ouvrirChromium(dist: string): Promise<Chromium> {
  const serveur = await demarrerServeur(dist);
  const navigateur: Browser = await lancerNavigateur([HORS_LOCAL]);
  const erreurs: string[] = [];

  async function charger(ecran: Ecran, commune: string | undefined) {
    // The map (wide screens) needs its tiles stubbed, which takes Playwright's routing; phones show no map.
    const surveillee =
      ecran.largeur >= ECRAN_LARGE.largeur
        ? await nouvellePage(navigateur, serveur.url, { ...ecran, tuiles: true })
        : await pageSansRoutage(navigateur, serveur.url, ecran);
    const { page } = surveillee;
    const chemins = new Set<string>();
    page.on("request", (requete) => {
      const url = new URL(requete.url());
      if (url.origin === serveur.url) chemins.add(url.pathname);
    });
    await page.addInitScript(ecouterFrappes);
    await page.addInitScript(signalerPremiersResultats);
    const premiers = page.waitForEvent("console", { predicate: (m) => m.text() === MARQUE_PREMIERS, timeout: 60_000 });
    await page.goto(`${serveur.url}/recherche/${commune ? `?commune=${commune}` : ""}`, { waitUntil: "commit" });
    await premiers;
    // The index is asked for once the first results are painted: its arrival comes after their mark.
    await page.waitForFunction(
      () => performance.getEntriesByType("resource").some((r) => /\/recherche\/index-[0-9a-f]+\.json$/.test(r.name) && (r as PerformanceResourceTiming).responseEnd > 0),
      null,
      { timeout: 60_000, polling: 50 },
    );
    const temps = await page.evaluate(() => ({
      premiers: performance.getEntriesByName("carto:premiers-resultats", "mark")[0]!.startTime,
      // What the page asked for before its first results were rendered (the page itself included): the
      // index, asked for right after their paint, may come before the painted mark.
      avantPremiers: [
        location.pathname,
        ...(performance.getEntriesByType("resource") as PerformanceResourceTiming[])
          .filter((r) => r.startTime < performance.getEntriesByName("carto:liste", "mark")[0]!.startTime && r.name.startsWith(location.origin))
          .map((r) => new URL(r.name).pathname),
      ],
      indexRecu:
        (performance.getEntriesByType("resource") as PerformanceResourceTiming[]).find((r) => /\/recherche\/index-[0-9a-f]+\.json$/.test(r.name))
          ?.responseEnd ?? NaN,
    }));
    const fermer = async () => {
      erreurs.push(...surveillee.erreursConsole, ...surveillee.requetesExterieures.map((u) => `requête extérieure : ${u}`));
      await surveillee.contexte.close();
    };
    return { page, temps, chemins, fermer };
  }

  return {
    version: navigateur.version(),

    async premiersResultats(ecran, communes) {
      const premiers: number[] = [];
      const indexRecu: number[] = [];
      let chemins: string[] = [];
      let cheminsAvantPremiers: string[] = [];
      for (const commune of communes) {
        const chargement = await charger(ecran, commune);
        premiers.push(chargement.temps.premiers);
        indexRecu.push(chargement.temps.indexRecu);
        if (chemins.length === 0) {
          cheminsAvantPremiers = chargement.temps.avantPremiers.filter((c) => !c.startsWith("/favicon"));
          // The text index too: what a first visit downloads before the words can be searched.
          await chargement.page.fill("#recherche-mots", "emploi");
          await attendreListe(chargement.page, "emploi", 0);
          chemins = [...chargement.chemins].filter((c) => !c.startsWith("/favicon"));
        }
        await chargement.fermer();
      }
      return { ecran, premiers: distribution(premiers), indexRecu: distribution(indexRecu), chemins, cheminsAvantPremiers };
    },

    async frappes(ecran, requetes, listeALEcran = false) {
      const releves: Releve[] = [];
      const echecs: string[] = [];
      let aLEcran = 0;
      const premiersMots: number[] = [];
      let frappes = 0;
      // One load per commune (and one without): the queries of a commune are typed one after the other.
      const parCommune = new Map<string | undefined, RequeteBench[]>();
      for (const r of requetes) parCommune.set(r.commune, [...(parCommune.get(r.commune) ?? []), r]);
      for (const [commune, groupe] of parCommune) {
        const { page, fermer } = await charger(ecran, commune);
        // Words as soon as the first results show: the text index is built, then answers.
        await page.fill("#recherche-mots", "emploi");
        await attendreListe(page, "emploi", 0);
        premiersMots.push(
          await page.evaluate(
            () => performance.getEntriesByName("carto:liste-peinte", "mark").find((m) => (m as PerformanceMark).detail?.q === "emploi")!.startTime,
          ),
        );
        for (const { q } of groupe) {
          const r = await taper(page, q, true, listeALEcran);
          if (!r.fini) echecs.push(q);
          if (r.aLEcran) aLEcran++;
          frappes += r.frappes.length;
          releves.push(r);
        }
        await fermer();
      }
      const a = releves.map(analyserFrappes);
      const tout = (cle: Exclude<keyof AnalyseFrappes, "depassees" | "sansListeNouvelle" | "cartesAvantLaFin">) => distribution(a.flatMap((x) => x[cle]));
      return {
        ecran,
        requetes: requetes.length,
        frappes,
        depassees: a.reduce((n, x) => n + x.depassees, 0),
        sansListeNouvelle: a.reduce((n, x) => n + x.sansListeNouvelle, 0),
        cartesAvantLaFin: a.reduce((n, x) => n + x.cartesAvantLaFin, 0),
        echecs,
        ...(listeALEcran ? { listeALEcran: aLEcran } : {}),
        latence: tout("latences"),
        versTexte: tout("versTexte"),
        rendu: tout("rendu"),
        peinture: tout("peinture"),
        cartesPeintes: tout("cartesPeintes"),
        tempsTexte: tout("tempsTexte"),
        tempsFiltre: tout("tempsFiltre"),
        tempsRequete: tout("tempsRequete"),
        premiersMots: distribution(premiersMots),
      };
    },

    async plancher(ecran, requetes) {
      const { page, contexte } = await pageSansRoutage(navigateur, serveur.url, ecran);
      await page.addInitScript(ecouterFrappes);
      await page.route(`${serveur.url}/plancher/`, (route) => route.fulfill({ contentType: "text/html; charset=utf-8", body: PAGE_NUE }));
      await page.goto(`${serveur.url}/plancher/`);
      const latences = await latencesDesFrappes(page, requetes);
      await contexte.close();
      return latences;
    },

    async plancherCartes(ecran, commune, requetes) {
      const { page, fermer } = await charger(ecran, commune);
      await page.waitForFunction(() => performance.getEntriesByName("carto:cartes-peintes", "mark").length > 0, null, { timeout: 30_000, polling: 50 });
      const { cartes, aLEcran } = await page.evaluate<{ cartes: number; aLEcran: boolean }>(FIGER_LA_PAGE);
      if (cartes < 2 || !aLEcran) throw new Error(`plancher des cartes : ${cartes} carte(s) dans la page, la première ${aLEcran ? "" : "hors de l'écran"}`);
      const latences = await latencesDesFrappes(page, requetes);
      await fermer();
      return latences;
    },

    async plancherListeALEcran(ecran, commune, requetes) {
      const { page, fermer } = await charger(ecran, commune);
      await page.waitForFunction(() => performance.getEntriesByName("carto:cartes-peintes", "mark").length > 0, null, { timeout: 30_000, polling: 50 });
      await listeSousLeChamp(page);
      const { cartes, aLEcran } = await page.evaluate<{ cartes: number; aLEcran: number }>(FIGER_LA_LISTE_A_L_ECRAN);
      if (cartes < 2 || aLEcran === 0) throw new Error(`plancher de la liste à l'écran : ${cartes} carte(s) dans la page, ${aLEcran} à l'écran`);
      const latences = await latencesDesFrappes(page, requetes);
      await fermer();
      return { ...latences, cartesALEcran: aLEcran };
    },

    async fermer() {
      await navigateur.close();
      await serveur.fermer();
      return [...new Set(erreurs)];
    },
  };
}
