/**
 * The figures of a run: the bars of issue 3 with ✓/✗, a detailed table, and the "Recherche"
 * section of docs/benchmarks.md (rewritten by each run, the file's other sections kept).
 */
import { ecrireSection } from "../section-benchmarks";
import { DELAI_FRAPPE_MS, type MesuresFrappes, type MesuresPremiers } from "./chromium";
import type { MesuresNode } from "./node";
import { COMMUNES_BENCH, COMPOSITION_REQUETES } from "./requetes";
import type { Distribution } from "./statistiques";
import type { Taille } from "./tailles";

export interface MesuresTaille {
  services: number;
  generationMs: number;
  constructionMs: number;
  tailles: { index: Taille; termes: Taille; avantPremiers: Taille; avecTexte: Taille };
  repartition: { champ: string; taille: Taille }[];
  node: MesuresNode;
  telephone: { premiers: MesuresPremiers; frappes: MesuresFrappes };
  /** The wide screen, measured on the first (département-sized) catalogue only: the run must stay under 10 min. */
  large?: { premiers: MesuresPremiers; frappes: MesuresFrappes };
  /**
   * The phone with the list on screen while typing (the words field scrolled to the top), and Chromium's
   * floor for it measured in the same run; on the first catalogue only, as the wide screen.
   */
  listeALEcran?: { plancher: Distribution & { cartesALEcran: number }; frappes: MesuresFrappes };
  /** Console errors and outside requests of the page during the measures (none expected). */
  erreursPage: string[];
}

export interface Execution {
  date: string;
  dureeS: number;
  machine: string;
  node: string;
  chromium: string;
  /** 1-minute load average at the start of each measuring step (other work on the machine). */
  charge: { min: number; max: number };
  /** Keystroke → painted on a bare page: what the measure itself costs (Chromium 360×740). */
  plancher: Distribution;
  /** Keystroke → painted on the search page made static, its first card replaced at each key (1280×900). */
  plancherCartes: Distribution;
  mesures: MesuresTaille[];
}

// --- formatting ---------------------------------------------------------------------------------

const nombre = (x: number, decimales = 0) => x.toLocaleString("fr-FR", { minimumFractionDigits: decimales, maximumFractionDigits: decimales });
export const ms = (x: number) => (Number.isNaN(x) ? "—" : `${nombre(x, x < 10 ? 1 : 0)} ms`);
const ko = (octets: number) => `${nombre(octets / 1000, octets < 10_000 ? 1 : 0)} ko`;
const taille = (t: Taille) => `${ko(t.brut)} / ${ko(t.gzip)} / ${ko(t.brotli)}`;
const dist = (d: Distribution) => `${ms(d.mediane)} / ${ms(d.p95)}`;
const services = (n: number) => `${nombre(n)} services`;

// --- bars -----------------------------------------------------------------------------------------

export interface Barre {
  services: number;
  mesure: string;
  valeur: number;
  seuil: number;
  texte: (x: number) => string;
}

export function barres(m: MesuresTaille): Barre[] {
  const { telephone } = m;
  const liste: Barre[] = [];
  if (m.services <= 2000) {
    liste.push(
      { services: m.services, mesure: "frappe → liste peinte, p95", valeur: telephone.frappes.latence.p95, seuil: 16, texte: ms },
      { services: m.services, mesure: "premiers résultats (avec commune), médiane", valeur: telephone.premiers.premiers.mediane, seuil: 500, texte: ms },
      { services: m.services, mesure: "index, gzip", valeur: m.tailles.index.gzip, seuil: 150_000, texte: ko },
    );
  } else {
    liste.push(
      { services: m.services, mesure: "requête par frappe (texte + filtre), p95", valeur: telephone.frappes.tempsRequete.p95, seuil: 16, texte: ms },
      { services: m.services, mesure: "requête par frappe dans Node (`chercherTexte` + `rechercher`), p95", valeur: m.node.requete.p95, seuil: 16, texte: ms },
      { services: m.services, mesure: "frappe → liste peinte, p95", valeur: telephone.frappes.latence.p95, seuil: 50, texte: ms },
      { services: m.services, mesure: "premiers résultats (avec commune), médiane", valeur: telephone.premiers.premiers.mediane, seuil: 1000, texte: ms },
    );
  }
  if (m.listeALEcran) {
    const { plancher, frappes } = m.listeALEcran;
    liste.push({
      services: m.services,
      mesure: `liste à l'écran pendant la frappe : frappe → liste peinte, p95 (${ms(frappes.latence.p95)}), écart au plancher de Chromium mesuré dans la même exécution (${ms(plancher.p95)})`,
      valeur: frappes.latence.p95 - plancher.p95,
      seuil: 8,
      texte: ms,
    });
  }
  return liste;
}

const verdict = (b: Barre) => (b.valeur <= b.seuil ? "✓" : "✗");

export function tableauBarres(execution: Execution): string {
  const lignes = ["| catalogue | mesure (Chromium 360×740 sauf mention) | mesuré | barre | |", "|---|---|--:|--:|:-:|"];
  for (const b of execution.mesures.flatMap(barres)) {
    lignes.push(`| ${services(b.services)} | ${b.mesure} | ${b.texte(b.valeur)} | ≤ ${b.texte(b.seuil)} | ${verdict(b)} |`);
  }
  lignes.push(`| | plancher de la mesure « frappe → liste peinte » (page nue), p95 | ${ms(execution.plancher.p95)} | | |`);
  lignes.push(
    `| | plancher quand une carte à l'écran change (1280×900 : la page de recherche figée, sa première carte remplacée à chaque frappe, sans recherche), médiane / p95 | ${dist(execution.plancherCartes)} | | |`,
  );
  for (const m of execution.mesures) {
    if (!m.listeALEcran) continue;
    const { plancher, frappes } = m.listeALEcran;
    lignes.push(
      `| ${services(m.services)} | liste à l'écran pendant la frappe (360×740, le champ des mots en haut de l'écran), médiane / p95 : la page ; son plancher (la page figée, ses ${plancher.cartesALEcran} cartes à l'écran remplacées à chaque frappe) ; l'écart | ${dist(frappes.latence)} ; ${dist(plancher)} ; ${ms(frappes.latence.mediane - plancher.mediane)} / ${ms(frappes.latence.p95 - plancher.p95)} | | |`,
    );
  }
  return lignes.join("\n");
}

// --- details ----------------------------------------------------------------------------------

export function tableauDetails(execution: Execution): string {
  const m = execution.mesures;
  const ligne = (libelle: string, f: (x: MesuresTaille) => string) => `| ${libelle} | ${m.map(f).join(" | ")} |`;
  const section = (titre: string) => `| **${titre}** |${m.map(() => " |").join("")}`;
  return [
    `| | ${m.map((x) => services(x.services)).join(" | ")} |`,
    `|---|${m.map(() => "--:|").join("")}`,
    section("Fichiers (brut / gzip -6 / brotli 5)"),
    ligne("index (`index-<hash>.json`)", (x) => taille(x.tailles.index)),
    ligne("termes des descriptions (`termes-<hash>.json`, après les premiers résultats)", (x) => taille(x.tailles.termes)),
    ligne("ce que la page demande avant ses premiers résultats (avec commune : la page, CSS, JS, sa première page de résultats)", (x) => taille(x.tailles.avantPremiers)),
    ligne("… puis l'index, et l'index texte (son code + les termes)", (x) => taille(x.tailles.avecTexte)),
    ligne("champs les plus lourds de l'index (gzip, chacun seul)", (x) =>
      x.repartition
        .slice(0, 4)
        .map((r) => `${r.champ.replace("services[].", "")} ${ko(r.taille.gzip)}`)
        .join(", "),
    ),
    section("Node (médiane / p95)"),
    ligne("`JSON.parse` de l'index", (x) => ms(x.node.lectureMs)),
    ligne("`preparerIndex`", (x) => ms(x.node.preparerIndexMs)),
    ligne("`creerIndexTexte` (MiniSearch, par tranches dans la page)", (x) => ms(x.node.creerIndexTexteMs)),
    ligne("requête par frappe : `chercherTexte` + `rechercher`", (x) => dist(x.node.requete)),
    ligne("… dont `chercherTexte`", (x) => dist(x.node.texte)),
    ligne("… dont `rechercher`", (x) => dist(x.node.filtre)),
    ligne("requête complète (dernière frappe)", (x) => dist(x.node.requeteComplete)),
    ...(["telephone", "large"] as const).flatMap((ecran) => {
      const e = m.find((x) => x[ecran])?.[ecran]?.frappes.ecran;
      if (!e) return [];
      // A catalogue measured on one screen only shows « — » on the other.
      const ligne = (libelle: string, f: (x: MesuresTaille & Required<Pick<MesuresTaille, typeof ecran>>) => string) =>
        `| ${libelle} | ${m.map((x) => (x[ecran] ? f(x as MesuresTaille & Required<Pick<MesuresTaille, typeof ecran>>) : "—")).join(" | ")} |`;
      return [
        section(`Chromium ${e.largeur}×${e.hauteur}${ecran === "large" ? ", carte à côté de la liste" : ""} (médiane / p95)`),
        ligne("navigation → premiers résultats (avec commune)", (x) => `${dist(x[ecran].premiers.premiers)} (${x[ecran].premiers.premiers.n} chargements)`),
        ligne("navigation → index reçu", (x) => dist(x[ecran].premiers.indexRecu)),
        ligne("navigation → liste filtrée par des mots tapés dès les premiers résultats", (x) => dist(x[ecran].frappes.premiersMots)),
        ligne("frappe → liste à jour peinte", (x) => {
          const f = x[ecran].frappes;
          return `${dist(f.latence)} (${f.latence.n} frappes ; ${f.sansListeNouvelle} sans liste nouvelle, ${f.depassees} dépassées${f.echecs.length ? `, ${f.echecs.length} requêtes sans réponse` : ""})`;
        }),
        ligne("… frappe → requête texte faite", (x) => dist(x[ecran].frappes.versTexte)),
        ligne("… réponse → liste rendue (commit de Preact)", (x) => dist(x[ecran].frappes.rendu)),
        ligne("… liste rendue → peinte", (x) => dist(x[ecran].frappes.peinture)),
        ligne("dernière frappe → toutes les cartes de la page peintes (celles hors de l'écran : une fois la saisie posée, 400 ms sans frappe)", (x) => `${dist(x[ecran].frappes.cartesPeintes)} (${x[ecran].frappes.cartesPeintes.n} requêtes ; ${x[ecran].frappes.cartesAvantLaFin} sans carte hors de l'écran à attendre)`),
        ligne("requête par frappe : texte (`carto:texte`) + filtre (`carto:requete`)", (x) => dist(x[ecran].frappes.tempsRequete)),
        ligne("… filtre seul, à chaque rendu (`carto:requete`)", (x) => dist(x[ecran].frappes.tempsFiltre)),
      ];
    }),
    ...(m.some((x) => x.listeALEcran)
      ? [
          section("Chromium 360×740, liste à l'écran pendant la frappe (médiane / p95)"),
          ligne("plancher : la page figée, ses cartes à l'écran remplacées à chaque frappe", (x) =>
            x.listeALEcran ? `${dist(x.listeALEcran.plancher)} (${x.listeALEcran.plancher.n} frappes, ${x.listeALEcran.plancher.cartesALEcran} cartes à l'écran)` : "—",
          ),
          ligne("frappe → liste à jour peinte", (x) => {
            const f = x.listeALEcran?.frappes;
            return f
              ? `${dist(f.latence)} (${f.latence.n} frappes ; ${f.sansListeNouvelle} sans liste nouvelle, ${f.depassees} dépassées ; liste à l'écran pour ${f.listeALEcran ?? 0} requêtes sur ${f.requetes}${f.echecs.length ? ` ; ${f.echecs.length} requêtes sans réponse` : ""})`
              : "—";
          }),
          ligne("… frappe → requête texte faite", (x) => (x.listeALEcran ? dist(x.listeALEcran.frappes.versTexte) : "—")),
          ligne("… réponse → liste rendue (commit de Preact)", (x) => (x.listeALEcran ? dist(x.listeALEcran.frappes.rendu) : "—")),
          ligne("… liste rendue → peinte", (x) => (x.listeALEcran ? dist(x.listeALEcran.frappes.peinture) : "—")),
          ligne("dernière frappe → toutes les cartes de la page peintes", (x) => (x.listeALEcran ? `${dist(x.listeALEcran.frappes.cartesPeintes)} (${x.listeALEcran.frappes.cartesPeintes.n} requêtes)` : "—")),
        ]
      : []),
    section("Préparation"),
    ligne("génération du catalogue / `astro build` (pages de recherche seulement)", (x) => `${nombre(x.generationMs / 1000, 1)} s / ${nombre(x.constructionMs / 1000)} s`),
  ].join("\n");
}

// --- docs/benchmarks.md ---------------------------------------------------------------------------

export function sectionRecherche(execution: Execution): string {
  const c = COMPOSITION_REQUETES;
  const large = execution.mesures[0]?.large?.frappes;
  return `## Recherche

_Écrit par \`npm run bench:search\` le ${execution.date} (durée ${nombre(execution.dureeS / 60, 1)} min) : la prochaine mesure réécrit
cette section._

**Machine** : ${execution.machine} ; Node ${execution.node} ; Chromium ${execution.chromium} (Debian, sans interface),
processeur **non bridé**, réseau local (127.0.0.1, sans limitation de débit ni compression HTTP ; les hôtes extérieurs ne se résolvent pas, sans intercepter les requêtes). Charge de la machine
pendant les mesures (moyenne sur 1 min, d'autres travaux peuvent tourner) : ${nombre(execution.charge.min, 1)} à ${nombre(execution.charge.max, 1)}.

### Barres (issue 3)

${tableauBarres(execution)}

### Détail

${tableauDetails(execution)}
${execution.mesures
  .filter((m) => m.erreursPage.length > 0)
  .map((m) => `\n**Erreurs de la page (${services(m.services)})** : ${m.erreursPage.map((e) => `\`${e}\``).join(", ")}\n`)
  .join("")}
### Ce qui est mesuré, et comment

- **Catalogues** : \`npm run generate:catalogue -- --services N\` (graine 1), puis \`astro build\` avec
  \`CARTO_PAGES_CATALOGUE=0\` (la page /recherche/ et ses fichiers d'index, sans les pages par service), dans une copie
  temporaire du projet : le \`dist/\` et les caches du dépôt ne sont pas touchés.
- **Tailles** : les fichiers construits, bruts, en gzip niveau 6 (le niveau par défaut de zlib) et en brotli qualité 5
  (compression à la volée ; la qualité 11, pour des fichiers pré-compressés, gagne encore ~20 %) ; 1 ko = 1 000 octets.
  « Ce que la page demande » : les requêtes relevées dans Chromium, avant la marque des premiers résultats (la page, CSS,
  JS et, avec une commune, sa première page de résultats calculée à la construction), puis toutes (l'index entier, le code
  de l'index texte et les termes). La part des champs de l'index est compressée champ par champ.
- **Node** : les fonctions de la page (\`src/domain/recherche/\`) sur les fichiers construits ; \`JSON.parse\`,
  \`preparerIndex\` et \`creerIndexTexte\` : médiane de 3 ; requêtes : chaque préfixe de chaque requête (une frappe),
  \`chercherTexte\` puis \`rechercher\` (ce que fait la page à chaque frappe), après un tour d'échauffement, 2 tours.
- **Requêtes** : ${c.total} requêtes fixes (\`bench/recherche/requetes.ts\`) : ${c.correctes} bien écrites, ${c.sansAccents} sans accents,
  ${c.avecFautes} avec des fautes de frappe (« permsi », « logment », « numerik »…) ; ${c.avecCommune} avec une commune dans l'URL
  (Poitiers, Châtellerault, Loudun, Montmorillon, Civray, Chauvigny), les autres sans ; ${nombre(c.frappes)} frappes en tout.
- **Premiers résultats** : /recherche/?commune=<INSEE> chargée dans un contexte neuf (cache vide), 12 fois sur téléphone
  (les 6 communes, deux fois chacune ; 5 chargements ne donnaient pas une médiane stable : 541 puis 621 ms d'un passage à
  l'autre), 3 sur écran large ; la page y montre la première page de résultats de la commune, calculée à la construction
  (\`src/domain/recherche/premiers-resultats.ts\`), puis charge l'index entier ; temps de la marque \`carto:premiers-resultats\` (liste peinte) depuis le début de la navigation,
  attendue par un message de console qu'un \`PerformanceObserver\` installé avant la page écrit (sonder la page avec \`waitForFunction\` y faisait tourner le script de Playwright pendant son chargement).
- **Frappe → liste peinte** : dans une page chargée par commune (et une sans), le champ « Mots-clés » est vidé puis la requête
  tapée caractère par caractère, un événement \`input\` toutes les ${DELAI_FRAPPE_MS} ms (lettres accentuées comprises) ; pour chaque frappe, du \`timeStamp\` de l'événement
  \`input\` à la première marque \`carto:liste-peinte\` dont les mots sont ceux du champ et qui est à jour (\`aJour\`). Une frappe
  dont la liste n'est pas peinte avant la frappe suivante est « dépassée » et comptée à part ; une frappe qui ne change pas
  les mots cherchés (une lettre seule, un mot vide comme « de », une espace, un mot de moins de 3 lettres en cours de frappe
  qui n'est aucun terme de l'index) ne change pas la liste : la page n'en peint pas de nouvelle, elle est comptée « sans liste
  nouvelle ». Le détail situe le temps :
  requête texte faite (\`carto:texte\`), rendu (\`carto:liste\`, après le commit), peinture. La frappe ne rend que les cartes
  à l'écran (sur le téléphone, la liste commence sous le champ, à 866 px : aucune), les autres une fois la saisie posée
  (400 ms sans frappe), quand la page est libre : « toutes les cartes de la page » mesure de la dernière frappe d'une
  requête à leur peinture (\`carto:cartes-peintes\`).
- **Plancher** : les mêmes frappes (une requête sur huit) sur une page nue dont le champ écrit les mots dans un paragraphe
  et pose la marque comme la page de recherche (\`requestAnimationFrame\` puis une tâche) : ce qui reste est le traitement
  de l'événement par Chromium, l'attente de l'image suivante et sa peinture, sans rien de la recherche.
- **Plancher quand une carte à l'écran change** : la page de recherche elle-même (1280×900, ${COMMUNES_BENCH[0]!.nom}, sa page de cartes
  affichée) copiée sans ses écouteurs, dont le champ ne fait que remplacer la première carte par une autre de la page
  et poser la même marque ; les mêmes frappes (une requête sur huit). Ni requête ni Preact : ce qui reste est ce que
  Chromium prend pour mettre en page, peindre et tramer une carte nouvelle à l'écran.
- **Liste à l'écran pendant la frappe (téléphone)** : ce qu'une personne voit en tapant sur un téléphone (360×740), le
  champ « Mots-clés » remonté en haut de l'écran et la liste dessous, à l'écran (la page est défilée ainsi avant chaque
  requête ; le détail dit pour combien de requêtes une carte était alors à l'écran). D'abord le **plancher** de Chromium
  pour cela, dans la même exécution : la page de recherche de ${COMMUNES_BENCH[0]!.nom} copiée sans ses écouteurs, défilée de même,
  dont le champ remplace à chaque frappe toutes les cartes à l'écran par d'autres de la page et pose la même marque ; puis
  la page elle-même, les requêtes avec une commune (la moitié), sur le premier catalogue. La barre : p95 de la page moins
  p95 du plancher ≤ 8 ms (l'écart reste comparable quelle que soit la charge de la machine, les deux subissant la même).
- **Requête dans Chromium** : pour chaque requête texte, sa durée (\`carto:texte\`) plus celle du filtrage qui la suit
  (\`carto:requete\`).
- **Écran large** (1280×900, la carte Leaflet à côté de la liste, tuiles servies en mémoire par le routage de Playwright, qui
  retarde chaque requête de la page : ses premiers résultats sont plus lents que ceux d'un visiteur) : ${large ? `${large.requetes} des ${c.total} requêtes (une sur quatre)` : "une requête sur quatre"}
  et 3 chargements, sur le premier catalogue seulement (la mesure entière tient ainsi en moins de 10 minutes).
`;
}

export function ecrireDansBenchmarks(chemin: string, section: string): void {
  ecrireSection(chemin, "Recherche", section);
}
