/**
 * Splits a catalogue file into its YAML front matter and its Markdown body, and parses the YAML with
 * the `yaml` package's document API so that every field (and every list item) maps to its 1-based
 * line in the file. Problems are French and carry that line.
 *
 * Delimiters follow Astro's reading: optional BOM and blank lines, a line `---`, the fields, a line
 * `---`, then the body.
 */
import { isMap, isNode, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type YAMLError } from "yaml";
import type { CheminChamp, ProblemeLocal } from "./messages";

export interface FrontMatter {
  /** The fields as plain data; undefined when the front matter is missing or unreadable (the problems say why). */
  donnees?: Record<string, unknown>;
  /** The Markdown after the closing `---` ("" when there is no usable front matter). */
  corps: string;
  /** 1-based line of the body's first line in the file. */
  ligneCorps?: number;
  /** 1-based line in the file of a field (`["publics"]`) or of a list item (`["publics", 1]`). */
  ligneDe(chemin: CheminChamp): number | undefined;
  problemes: ProblemeLocal[];
}

const DELIMITEUR = "---";

const aucuneLigne = () => undefined;

/** The closest line for a YAML error position, and the top-level field it falls in. */
interface Lieu {
  ligne: number;
  champ?: string;
  ligneChamp?: number;
}

const FORMAT = "« champ: valeur », un par ligne";

/** French gist of a YAML syntax error, for someone who has never heard of YAML (also used for content/comptes.yml). */
export function traduireErreurYaml(erreur: YAMLError, ligneSource?: string): string {
  const m = erreur.message;
  switch (erreur.code) {
    case "BLOCK_AS_IMPLICIT_KEY": {
      // Show the corrected line when it is a simple `champ: valeur` line.
      const morceaux = ligneSource ? /^([A-Za-z_][\w-]*):\s+(.*\S)\s*$/.exec(ligneSource) : null;
      const exemple =
        morceaux && !/^["']/.test(morceaux[2]!)
          ? `${morceaux[1]}: "${morceaux[2]!.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`
          : 'conditions_acces: "Public : jeunes de 16 à 25 ans"';
      return `deux-points suivis d'une espace à l'intérieur d'une valeur : mettez la valeur entre guillemets (${morceaux ? "écrivez" : "ex. :"} ${exemple})`;
    }
    case "MULTILINE_IMPLICIT_KEY":
      return "une ligne sans « : » ou un texte qui continue sur la ligne suivante sans être indenté : chaque champ s'écrit « champ: valeur » ; un long texte se met entre guillemets ou après « > » sur les lignes suivantes, indentées";
    case "TAB_AS_INDENT":
      return "tabulation utilisée pour décaler une ligne : remplacez-la par des espaces";
    case "BAD_INDENT":
      if (/flow sequence/i.test(m)) return "liste entre crochets [ … ] non fermée ou mal décalée : vérifiez le « ] » de fin";
      if (/flow mapping/i.test(m)) return "accolades { … } non fermées ou mal décalées : vérifiez le « } » de fin";
      return "décalage (indentation) incorrect : les champs commencent en début de ligne, et les éléments d'une liste (« - valeur ») sont tous décalés du même nombre d'espaces";
    case "MISSING_CHAR": {
      if (/quote/i.test(m)) return "guillemet fermant manquant : un texte ouvert par \" ou ' doit être refermé par le même caractère, sur la même valeur";
      if (/flow/i.test(m) || /[\]}]/.test(m)) return "crochet ou accolade fermant manquant : vérifiez la liste entre [ … ]";
      return "caractère manquant (guillemet, crochet ou « : »)";
    }
    case "UNEXPECTED_TOKEN":
      if (/scalar at node end/i.test(m)) {
        return "texte en trop après une valeur entre guillemets : une apostrophe dans un texte entre apostrophes s'écrit deux fois (ex. : 'l''atelier'), ou mettez tout le texte entre guillemets doubles (\"l'atelier\")";
      }
      return `élément inattendu : vérifiez la ponctuation de la ligne (format ${FORMAT})`;
    case "BAD_SCALAR_START": {
      const car = /character (\S)/.exec(m)?.[1];
      return `une valeur ne peut pas commencer par ${car ? `« ${car} »` : "ce caractère"} : mettez-la entre guillemets`;
    }
    case "BAD_DQ_ESCAPE":
      return "barre oblique inverse (\\) invalide dans un texte entre guillemets doubles : doublez-la (\\\\) ou mettez le texte entre apostrophes";
    case "BAD_ALIAS":
    case "ALIAS_PROPS":
    case "MULTIPLE_ANCHORS":
      return "une valeur qui commence par « * » ou « & » doit être mise entre guillemets";
    case "TAG_RESOLVE_FAILED":
    case "MULTIPLE_TAGS":
    case "BAD_PROP_ORDER":
      return "une valeur qui commence par « ! » doit être mise entre guillemets";
    case "BLOCK_IN_FLOW":
      return "une liste entre crochets [ … ] ne peut pas contenir de lignes « - valeur » : choisissez l'une des deux écritures";
    case "KEY_OVER_1024_CHARS":
      return "nom de champ trop long : il manque sans doute un « : » ou un guillemet";
    case "NON_STRING_KEY":
    case "BAD_COLLECTION_TYPE":
      return `nom de champ invalide (format ${FORMAT})`;
    case "MULTIPLE_DOCS":
    case "BAD_DIRECTIVE":
      return "une ligne « --- » ou « % » en trop dans l'en-tête";
    case "DUPLICATE_KEY":
      return "champ en double";
    default:
      return `erreur de syntaxe (${m.split("\n")[0] ?? m})`;
  }
}

export function lireFrontMatter(texteBrut: string): FrontMatter {
  const texte = texteBrut.startsWith("\uFEFF") ? texteBrut.slice(1) : texteBrut;
  const lignes = texte.split("\n");
  const debut = lignes.findIndex((l) => l.trim() !== "");

  if (debut === -1) {
    return {
      corps: "",
      ligneDe: aucuneLigne,
      problemes: [
        {
          gravite: "erreur",
          message: "fichier vide : il doit commencer par un en-tête (une ligne « --- », les champs « champ: valeur », une ligne « --- ») suivi du texte",
        },
      ],
    };
  }
  if (lignes[debut]!.trimEnd() !== DELIMITEUR) {
    const premiere = lignes[debut]!.trim();
    const detail = premiere.startsWith(DELIMITEUR)
      ? `la ligne ${debut + 1} doit contenir « --- » seul (elle contient ${JSON.stringify(premiere.slice(0, 40))})`
      : "la première ligne doit être « --- »";
    return {
      corps: texte,
      ligneDe: aucuneLigne,
      problemes: [
        {
          gravite: "erreur",
          ligne: debut + 1,
          message: `en-tête absent : ${detail}, suivie des champs (${FORMAT}), puis d'une ligne « --- » ; le texte vient ensuite`,
        },
      ],
    };
  }
  let fin = -1;
  for (let i = debut + 1; i < lignes.length; i++) {
    if (lignes[i]!.trimEnd() === DELIMITEUR) {
      fin = i;
      break;
    }
  }
  if (fin === -1) {
    return {
      corps: "",
      ligneDe: aucuneLigne,
      problemes: [
        {
          gravite: "erreur",
          ligne: debut + 1,
          message: `en-tête non fermé : l'en-tête ouvert par « --- » ligne ${debut + 1} doit se terminer par une ligne « --- » après le dernier champ, avant le texte`,
        },
      ],
    };
  }

  // Lines of the YAML source are offset by the lines before it (blank lines and the opening `---`).
  const decalage = debut + 1;
  const source = lignes.slice(debut + 1, fin).join("\n") + "\n";
  const corps = lignes.slice(fin + 1).join("\n");
  const ligneCorps = fin + 2;
  const compteur = new LineCounter();
  const doc = parseDocument(source, {
    lineCounter: compteur,
    keepSourceTokens: true,
    uniqueKeys: false, // duplicates are reported below, with both lines and the field's name
    prettyErrors: false,
  });
  const ligneA = (position: number) => compteur.linePos(position).line + decalage;

  const racine = doc.contents;
  const paires = isMap(racine) ? racine.items : [];

  function lieuDe(position: number): Lieu {
    const lieu: Lieu = { ligne: ligneA(position) };
    for (const paire of paires) {
      const cle = isNode(paire.key) ? paire.key : undefined;
      if (!cle?.range) continue;
      const finPaire = isNode(paire.value) && paire.value.range ? paire.value.range[2] : cle.range[2];
      if (position >= cle.range[0] && position <= finPaire) {
        lieu.champ = isScalar(cle) ? String(cle.value) : undefined;
        lieu.ligneChamp = ligneA(cle.range[0]);
      }
    }
    return lieu;
  }

  function ligneDe(chemin: CheminChamp): number | undefined {
    let noeud: unknown = racine;
    let ligne: number | undefined;
    for (const segment of chemin) {
      if (isMap(noeud)) {
        let trouvee: unknown;
        // The last occurrence wins, as in the parsed data.
        for (const paire of noeud.items) {
          if (isScalar(paire.key) && String(paire.key.value) === String(segment)) trouvee = paire;
        }
        if (!isPair(trouvee) || !isNode(trouvee.key) || !trouvee.key.range) break;
        ligne = ligneA(trouvee.key.range[0]);
        noeud = trouvee.value;
      } else if (isSeq(noeud) && typeof segment === "number") {
        const element = noeud.items[segment];
        if (!isNode(element) || !element.range) break;
        ligne = ligneA(element.range[0]);
        noeud = element;
      } else {
        break;
      }
    }
    return ligne;
  }

  const problemes: ProblemeLocal[] = [];
  const premiere = doc.errors[0];
  if (premiere) {
    // One problem: later syntax errors are usually consequences of the first.
    const lieu = lieuDe(premiere.pos[0]);
    const surLaValeur = premiere.code === "MISSING_CHAR" && lieu.ligneChamp !== undefined;
    const ligneErreur = surLaValeur ? lieu.ligneChamp! : lieu.ligne;
    // Name the field only when the error is on its line: recovery may stretch a value over the next lines.
    const champ = lieu.ligneChamp === ligneErreur ? lieu.champ : undefined;
    problemes.push({
      gravite: "erreur",
      ligne: ligneErreur,
      ...(champ !== undefined ? { champ } : {}),
      message: `YAML illisible : ${traduireErreurYaml(premiere, lignes[ligneErreur - 1])}`,
    });
    return { corps, ligneCorps, ligneDe, problemes };
  }

  if (racine === null || (isScalar(racine) && (racine.value === null || racine.value === ""))) {
    return { donnees: {}, corps, ligneCorps, ligneDe, problemes };
  }
  if (!isMap(racine)) {
    problemes.push({
      gravite: "erreur",
      ligne: decalage + 1,
      message: `en-tête illisible : il doit contenir des champs (${FORMAT}), pas ${isSeq(racine) ? "une liste" : "un texte seul"}`,
    });
    return { corps, ligneCorps, ligneDe, problemes };
  }

  const vus = new Map<string, number>();
  for (const paire of racine.items) {
    const cle = paire.key;
    if (!isScalar(cle) || !cle.range) {
      const position = isNode(cle) && cle.range ? cle.range[0] : 0;
      problemes.push({ gravite: "erreur", ligne: ligneA(position), message: `nom de champ invalide (format ${FORMAT})` });
      continue;
    }
    const nom = String(cle.value);
    const ligne = ligneA(cle.range[0]);
    const deja = vus.get(nom);
    if (deja !== undefined) {
      problemes.push({
        gravite: "erreur",
        ligne,
        champ: nom,
        message: `champ en double (déjà présent ligne ${deja}) : gardez une seule ligne « ${nom}: »`,
      });
    } else {
      vus.set(nom, ligne);
    }
  }
  // A key that is a list or a block cannot be read as a field name: stop there.
  if (problemes.some((p) => p.champ === undefined)) return { corps, ligneCorps, ligneDe, problemes };
  return { corps, ligneCorps, ligneDe, problemes, ...donneesSures(doc, problemes, ligneA) };
}

/** toJS, which throws on an alias without its anchor (`nom: *Nouveau*`): that becomes a problem. */
function donneesSures(
  doc: ReturnType<typeof parseDocument>,
  problemes: ProblemeLocal[],
  ligneA: (position: number) => number,
): { donnees?: Record<string, unknown> } {
  try {
    const donnees = doc.toJS({ maxAliasCount: 100 }) as unknown;
    if (donnees !== null && typeof donnees === "object" && !Array.isArray(donnees)) return { donnees: donnees as Record<string, unknown> };
    return { donnees: {} };
  } catch {
    let position = 0;
    visit(doc, {
      Alias(_cle, noeud) {
        if (noeud.range) position = noeud.range[0];
        return visit.BREAK;
      },
    });
    problemes.push({
      gravite: "erreur",
      ligne: ligneA(position),
      message: "YAML illisible : une valeur qui commence par « * » ou « & » doit être mise entre guillemets",
    });
    return {};
  }
}
