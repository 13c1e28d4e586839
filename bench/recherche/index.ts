/**
 * The search benchmark (issue 3), size after size: generate and build (in a temporary copy of the
 * project), file sizes, Node, Chromium on a phone screen, then on a wide screen with the map.
 */
import { readFileSync } from "node:fs";
import { cpus, loadavg, totalmem } from "node:os";
import { join } from "node:path";
import { ECRAN_LARGE, ouvrirChromium, TELEPHONE } from "./chromium";
import { fichiersIndex, mesurerNode } from "./node";
import type { Execution, MesuresTaille } from "./rapport";
import { COMMUNES_BENCH, REQUETES_BENCH, REQUETES_ECRAN_LARGE, REQUETES_LISTE_A_L_ECRAN, REQUETES_PLANCHER } from "./requetes";
import { construireSite, dossierTemporaire } from "./site";
import { spawnSync } from "node:child_process";
import { distribution, type Distribution } from "./statistiques";
import { repartitionParChamp, taille, tailleDesChemins } from "./tailles";

export interface OptionsBench {
  racine: string;
  tailles: number[];
  /** Keep the temporary folder (catalogues, builds, logs). */
  garder?: boolean;
  journal?: (message: string) => void;
}

export async function executerBench({ racine, tailles, garder = false, journal = console.log }: OptionsBench): Promise<Execution> {
  const debut = performance.now();
  const temporaire = dossierTemporaire();
  journal(`Dossier temporaire : ${temporaire.dossier}`);
  const mesures: MesuresTaille[] = [];
  let chromium = "";
  const charges: number[] = [];
  let plancher: Distribution | undefined;
  let plancherCartes: Distribution | undefined;
  try {
    // The sites are built first, side by side, before anything is measured.
    journal(`Génération des catalogues et construction des sites (${tailles.join(", ")} services)…`);
    const construits = await Promise.allSettled(tailles.map((services) => construireSite(racine, temporaire, services)));
    const sites = construits.map((c) => {
      if (c.status === "rejected") throw c.reason;
      return c.value;
    });
    // The builds' files written out to disk now, not during the first measures (the 2,000-service
    // catalogue's first results came 60 ms slower than the 10,000's, measured later, for the same work).
    spawnSync("sync");
    for (const [k, services] of tailles.entries()) {
      const site = sites[k]!;
      const etape = (texte: string) => {
        charges.push(loadavg()[0]!);
        journal(`[${services} services, ${Math.round((performance.now() - debut) / 1000)} s, charge ${loadavg()[0]!.toFixed(1)}] ${texte}`);
      };

      etape("tailles et Node…");
      const fichiers = fichiersIndex(site.dist);
      const index = JSON.parse(readFileSync(join(site.dist, fichiers.index), "utf8")) as Parameters<typeof repartitionParChamp>[0];
      const node = mesurerNode(site.dist, REQUETES_BENCH);

      const navigateur = await ouvrirChromium(site.dist);
      chromium = navigateur.version;
      let telephone: MesuresTaille["telephone"];
      let large: MesuresTaille["large"] | undefined;
      let listeALEcran: MesuresTaille["listeALEcran"] | undefined;
      let erreursPage: string[];
      try {
        if (!plancher) {
          etape("Chromium 360×740 : plancher de la mesure (page nue)…");
          plancher = await navigateur.plancher(TELEPHONE, REQUETES_PLANCHER);
        }
        etape("Chromium 360×740 : premiers résultats…");
        // 12 loads (each commune twice): with 5, the median moved by 80 ms from one run to the next.
        const premiers = await navigateur.premiersResultats(TELEPHONE, [...COMMUNES_BENCH, ...COMMUNES_BENCH].map((c) => c.code));
        etape(`Chromium 360×740 : ${REQUETES_BENCH.length} requêtes tapées…`);
        telephone = { premiers, frappes: await navigateur.frappes(TELEPHONE, REQUETES_BENCH) };
        // The wide screen on the first catalogue only (the département's size): the whole run stays under 10 min.
        if (k === 0) {
          etape(`Chromium 1280×900 : premiers résultats et ${REQUETES_ECRAN_LARGE.length} requêtes…`);
          large = {
            premiers: await navigateur.premiersResultats(ECRAN_LARGE, COMMUNES_BENCH.slice(0, 3).map((c) => c.code)),
            frappes: await navigateur.frappes(ECRAN_LARGE, REQUETES_ECRAN_LARGE),
          };
          etape("Chromium 1280×900 : plancher de la mesure quand une carte à l'écran change (page figée)…");
          plancherCartes = await navigateur.plancherCartes(ECRAN_LARGE, COMMUNES_BENCH[0]!.code, REQUETES_PLANCHER);
          // What a person sees on a phone while typing, the list on screen under the field: Chromium's own
          // floor for it first, then the page, in the same run (the gap is the bar, whatever the machine's load).
          etape(`Chromium 360×740, liste à l'écran : plancher (page figée, ses cartes à l'écran remplacées à chaque frappe)…`);
          const plancherListe = await navigateur.plancherListeALEcran(TELEPHONE, COMMUNES_BENCH[0]!.code, REQUETES_LISTE_A_L_ECRAN);
          etape(`Chromium 360×740, liste à l'écran : ${REQUETES_LISTE_A_L_ECRAN.length} requêtes tapées…`);
          listeALEcran = { plancher: plancherListe, frappes: await navigateur.frappes(TELEPHONE, REQUETES_LISTE_A_L_ECRAN, true) };
        }
      } finally {
        erreursPage = await navigateur.fermer();
        if (erreursPage.length > 0) journal(`Erreurs dans la page :\n${erreursPage.join("\n")}`);
      }

      const { chemins, cheminsAvantPremiers } = telephone.premiers;
      mesures.push({
        services,
        generationMs: site.generationMs,
        constructionMs: site.constructionMs,
        tailles: {
          index: taille(readFileSync(join(site.dist, fichiers.index))),
          termes: taille(readFileSync(join(site.dist, fichiers.termes))),
          avantPremiers: tailleDesChemins(site.dist, cheminsAvantPremiers),
          avecTexte: tailleDesChemins(site.dist, chemins),
        },
        repartition: repartitionParChamp(index),
        node,
        telephone,
        large,
        listeALEcran,
        erreursPage,
      });
    }
  } finally {
    if (garder) journal(`Dossier temporaire gardé : ${temporaire.dossier}`);
    else temporaire.supprimer();
  }
  return {
    date: new Date().toLocaleString("fr-FR", { timeZone: "Europe/Paris", dateStyle: "long", timeStyle: "short" }),
    dureeS: (performance.now() - debut) / 1000,
    machine: `${cpus().length} cœurs (${cpus()[0]?.model.trim() ?? "?"}), ${Math.round(totalmem() / 2 ** 30)} Gio de mémoire`,
    node: process.version,
    chromium,
    charge: { min: Math.min(...charges), max: Math.max(...charges) },
    plancher: plancher ?? distribution([]),
    plancherCartes: plancherCartes ?? distribution([]),
    mesures,
  };
}
