/**
 * The figures of an import benchmark: the bars with ✓/✗, a detailed table, and the
 * "Import (data·inclusion)" section of docs/benchmarks.md (the file's other sections kept).
 */
import type { DumpPrepare } from "./dump-en-cache";
import type { ResultatBench } from "./index";

export const TITRE_SECTION = "Import (data·inclusion)";

const nombre = (x: number, decimales = 0) => x.toLocaleString("fr-FR", { minimumFractionDigits: decimales, maximumFractionDigits: decimales });
const secondes = (s: number) => `${nombre(s, s < 10 ? 1 : 0)} s`;
const mo = (octets: number) => `${nombre(octets / 1e6)} Mo`;

export interface Barre {
  execution: string;
  mesure: string;
  valeur: number;
  seuil: number;
  texte: (x: number) => string;
}

const DEUX_GO = 2e9;

export function barres(r: ResultatBench): Barre[] {
  const liste: Barre[] = [];
  for (const e of r.executions) {
    if (e.cle === "mise-a-jour") continue;
    liste.push({ execution: e.libelle, mesure: "durée", valeur: e.mesure.dureeS, seuil: e.cle === "json-2" ? 20 : 60, texte: secondes });
    liste.push({ execution: e.libelle, mesure: "mémoire (RSS max)", valeur: e.mesure.rssMaxOctets, seuil: DEUX_GO, texte: mo });
  }
  return liste;
}

const verdict = (b: Barre) => (b.valeur <= b.seuil ? "✓" : "✗");

export function tableauBarres(r: ResultatBench): string {
  const lignes = ["| exécution | mesure | mesuré | barre | |", "|---|---|--:|--:|:-:|"];
  for (const b of barres(r)) lignes.push(`| ${b.execution} | ${b.mesure} | ${b.texte(b.valeur)} | ≤ ${b.texte(b.seuil)} | ${verdict(b)} |`);
  return lignes.join("\n");
}

const cellule = (texte: string) => texte.replace(/\|/g, "\\|");

export function tableauDetails(r: ResultatBench): string {
  const lignes = [
    "| exécution | durée | CPU (user + sys) | RSS max | charge avant | fiches services / structures | fichiers changés | ligne de résumé de l'import |",
    "|---|--:|--:|--:|--:|--:|--:|---|",
  ];
  for (const e of r.executions) {
    const c = e.changements;
    lignes.push(
      `| ${e.libelle} | ${secondes(e.mesure.dureeS)} | ${secondes(e.mesure.cpuS)} | ${mo(e.mesure.rssMaxOctets)} | ${nombre(e.mesure.charge, 1)} | ` +
        `${nombre(e.catalogue.services)} / ${nombre(e.catalogue.structures)} | ${c ? `${c.ajoutes} ajoutés, ${c.modifies} modifiés, ${c.supprimes} supprimés` : "—"} | ` +
        `${e.mesure.derniereLigne ? `\`${cellule(e.mesure.derniereLigne)}\`` : "—"} |`,
    );
  }
  return lignes.join("\n");
}

export function descriptionDump(d: DumpPrepare): string {
  const m = d.manifeste;
  const v = m.vienne;
  const fichiers = m.fichiers.map((f) => `\`${f.nom}\` ${mo(f.octets)}`).join(", ");
  const p = v.problemes;
  return [
    `${nombre(m.structures)} structures et ${nombre(m.services)} services de toute la France (graine ${m.options.graine}, daté du ${m.date}) : ${fichiers}.`,
    `Part de la Vienne : **${nombre(v.structuresSituees)} structures situées** (dont ${v.structuresDoublons} doublons) et **${nombre(v.servicesConcernes)} services concernés** :`,
    `${nombre(v.servicesSitues)} situés dans la Vienne (dont ${v.servicesSituesStructureAilleurs} tenus par une structure d'un département voisin), ` +
      `${nombre(v.servicesADistanceFrance)} à distance pour toute la France, ${nombre(v.servicesZoneCouvrante)} de départements voisins dont la zone couvre la Vienne ; ` +
      `${nombre(v.structuresConcernees)} structures situées ou portant un de ces services. En défaut exprès parmi eux : ${p.thematiqueInconnue} thématiques inconnues, ` +
      `${p.sansModesAccueil} sans modes d'accueil, ${p.dateInvalideServices} dates invalides (services), ${p.dateInvalideStructures} (structures).`,
    `Dans tout le dump : ${nombre(m.doublons)} structures en double (même SIRET, même commune, autre source), ${nombre(m.servicesEnHtml)} descriptions de services en HTML, ` +
      `${nombre(m.problemes.horairesNonOsm)} horaires hors syntaxe OSM.`,
    `Généré en ${secondes(d.generation.dureeS)} (${secondes(d.generation.cpuS)} de CPU, ${mo(d.generation.rssMaxOctets)} de mémoire au plus, charge ${nombre(d.generation.charge, 1)})` +
      `${d.reutilise ? ", pour une mesure précédente (cache)" : ""}.`,
  ].join("\n");
}

export function sectionImport(r: ResultatBench): string {
  const m = r.machine;
  const c = r.comparaisonCsv;
  const json1 = r.executions.find((e) => e.cle === "json-1");
  const maj = r.executions.find((e) => e.cle === "mise-a-jour");
  const modifs = r.miseAJour?.manifeste.modifications;
  return `## ${TITRE_SECTION}

_Écrit par \`npm run bench:import\` le ${r.date} (durée ${nombre(r.dureeS / 60, 1)} min) : la prochaine mesure réécrit cette section._

**Machine** : ${m.coeurs} cœurs (\`nproc\`), ${m.processeur}, ${m.memoireGio} Gio de mémoire ; Node ${m.node}. D'autres travaux peuvent
tourner : la charge (moyenne sur 1 min) avant chaque exécution est dans le détail.

**Dump synthétique** (\`bench/import/dump-synthetique.ts\`) : ${descriptionDump(r.dump)}

### Barres

${tableauBarres(r)}

### Détail

${tableauDetails(r)}
${
  c
    ? `\nCatalogue issu du CSV comparé à celui du JSON : ${c.differents === 0 && c.seulementJson === 0 && c.seulementCsv === 0 ? `identique (${nombre(c.identiques)} fichiers)` : `${nombre(c.identiques)} fichiers identiques, ${nombre(c.differents)} différents, ${nombre(c.seulementJson)} seulement dans celui du JSON, ${nombre(c.seulementCsv)} seulement dans celui du CSV`}.`
    : ""
}${json1 ? `\nFiches écrites par la première importation : ${nombre(json1.catalogue.services)} services et ${nombre(json1.catalogue.structures)} structures, pour ${nombre(r.dump.manifeste.vienne.servicesConcernes)} services et ${nombre(r.dump.manifeste.vienne.structuresConcernees)} structures concernant la Vienne selon le dump (dont certains en défaut exprès, voir plus haut).` : ""}${
    maj && modifs
      ? `\nMise à jour : le dump de la semaine suivante change ${modifs.structuresModifiees} structures et ${modifs.servicesModifies} services, en retire ${modifs.servicesSupprimes} et en ajoute ${modifs.servicesAjoutes} (${modifs.dansLaVienne} de ces changements concernent la Vienne).`
      : ""
  }

### Ce qui est mesuré, et comment

- **Commande** : \`npx tsx scripts/import.ts <structures> <services> --catalogue <dossier>\` (lancée par \`node_modules/.bin/tsx\`, dans le
  dépôt), les deux fichiers du dump en arguments ; elle doit finir avec le code 0 et sa dernière ligne sur la sortie standard est son résumé.
  1re importation : le dump JSON dans un dossier vide ; 2e : le même dump dans le même catalogue (rien n'a changé en amont) ;
  puis le dump CSV dans un autre dossier vide${maj ? " ; enfin le dump de la semaine suivante (`--modifie` du générateur) dans le premier catalogue" : ""}.
- **Durée et mémoire** : \`/usr/bin/time -f "%e %U %S %M %x"\` : durée réelle, temps CPU, pic de mémoire résidente (\`ru_maxrss\`) du plus gros
  des processus de la commande (le processus node que \`tsx\` lance), pas leur somme ; 1 Mo = 10⁶ octets, barre de 2 Go = 2 × 10⁹ octets.
  Les fichiers du dump viennent d'être écrits ou lus : ils sont dans le cache de pages du système, comme après un téléchargement.
- **Dump** : généré une fois et gardé dans \`${"<tmp>"}/carto-insertion-dump-synthetique/<clé>/\`, la clé étant l'empreinte des sources du
  générateur, des données qu'il lit et de ses options ; même disposition que le dump hebdomadaire de data·inclusion (noms de fichiers, ordre des
  colonnes, JSON de pandas : tableau compact, \`date_maj\` en millisecondes, barres obliques échappées ; CSV : listes Python, \`3.0\`).
  Ce que le dump dit de la Vienne est compté par le générateur sur les valeurs écrites (\`manifeste.json\`) et vérifié par
  \`tests/unit/dump-synthetique.test.ts\` sur un petit dump.
- **Fiches** : les fichiers \`.md\` du catalogue sous \`services/\` et \`structures/\` ; « fichiers changés » compare les empreintes de tous
  les fichiers du catalogue avant et après l'exécution.
`;
}
