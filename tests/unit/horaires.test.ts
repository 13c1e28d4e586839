import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { readFileSync, readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { estOuvert, lireHoraires, verifierHoraires } from "../../src/domain/horaires";
import { momentParis } from "../../src/domain/dates";
import { phraseAujourdhui, type CalendrierHoraires } from "../../src/domain/horaires/aujourdhui";
import { lire } from "../../src/domain/horaires/lecture";
import { insecables, phraseDeLigne } from "../../src/domain/horaires/mots";
import { oracle, valeursGenerees, type ResultatOracle } from "./horaires-oracle";

const ORACLE = fileURLToPath(new URL("./horaires-oracle.ts", import.meta.url));
/** The build's day of these tests: a Monday. */
const JOUR = "2026-12-07";
const mots = (v: string) => lireHoraires(v, JOUR)?.lignes;
const phrases = (v: string) => lire(v)?.lignes.map(phraseDeLigne);

describe("lireHoraires : les mots", () => {
  it("groupe les jours de semaine et garde le samedi matin à part", () => {
    expect(mots("Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00")).toEqual([
      { jours: "du lundi au vendredi", heures: "9 h – 12 h et 14 h – 17 h" },
      { jours: "le samedi", heures: "9 h – 12 h" },
    ]);
  });

  it("énumère deux jours non consécutifs, garde les minutes", () => {
    expect(mots("Mo,Th 14:00-17:00")).toEqual([{ jours: "le lundi et le jeudi", heures: "14 h – 17 h" }]);
    expect(mots("Tu 09:00-12:00; We 13:30-16:30")).toEqual([
      { jours: "le mardi", heures: "9 h – 12 h" },
      { jours: "le mercredi", heures: "13 h 30 – 16 h 30" },
    ]);
    expect(mots("Mo-We,Fr 09:00-12:00")).toEqual([{ jours: "du lundi au mercredi et le vendredi", heures: "9 h – 12 h" }]);
  });

  it("lit 24/7 comme tous les jours, 24 h sur 24", () => {
    expect(mots("24/7")).toEqual([{ jours: "tous les jours", heures: "24 h sur 24" }]);
  });

  it("dit « fermé les jours fériés » pour PH off", () => {
    const h = lireHoraires("Mo-Fr 08:30-12:00; PH off", JOUR);
    expect(h?.lignes).toEqual([{ jours: "du lundi au vendredi", heures: "8 h 30 – 12 h" }]);
    expect(h?.feries).toBe("Fermé les jours fériés.");
    expect(lireHoraires("Mo-Fr 08:30-12:00", JOUR)?.feries).toBeUndefined();
  });

  it("suit l'évaluation de la bibliothèque : « , » ajoute, « ; » remplace", () => {
    expect(mots("Mo,Tu,We,Th,Fr 09:00-12:00, Mo-Fr 14:00-17:00; Sa,Su off")).toEqual(mots("Mo-Fr 09:00-12:00,14:00-17:00"));
    expect(mots("Mo-Fr 09:00-12:00; We 14:00-17:00")).toEqual([
      { jours: "le lundi, le mardi, le jeudi et le vendredi", heures: "9 h – 12 h" },
      { jours: "le mercredi", heures: "14 h – 17 h" },
    ]);
    expect(mots("Mo-Fr 09:00-12:00, We 14:00-17:00")).toEqual([
      { jours: "le lundi, le mardi, le jeudi et le vendredi", heures: "9 h – 12 h" },
      { jours: "le mercredi", heures: "9 h – 12 h et 14 h – 17 h" },
    ]);
  });

  it("lit une plage qui passe minuit sur le premier jour", () => {
    expect(mots("Mo-Su 22:00-02:00")).toEqual([{ jours: "tous les jours", heures: "22 h – 2 h" }]);
  });

  it("rend les commentaires de la valeur", () => {
    expect(mots('Mo-Fr 09:00-12:00 "sur rendez-vous"; Sa "sur rendez-vous"')).toEqual([
      { jours: "du lundi au vendredi", heures: "9 h – 12 h (sur rendez-vous)" },
      { jours: "le samedi", heures: "sur rendez-vous" },
    ]);
  });

  it("dit le n-ième jour du mois, en entier", () => {
    expect(mots("Tu[1,3] 09:30-12:30")).toEqual([{ jours: "le 1er et le 3e mardi du mois", heures: "9 h 30 – 12 h 30" }]);
    expect(phrases("Tu[1,3] 09:30-12:30")).toEqual(["le 1er et le 3e mardi du mois, de 9 h 30 à 12 h 30"]);
    expect(mots("Th[2,4] 09:30-12:30")).toEqual([{ jours: "le 2e et le 4e jeudi du mois", heures: "9 h 30 – 12 h 30" }]);
    expect(mots("Fr[-1] 09:30-12:00")).toEqual([{ jours: "le dernier vendredi du mois", heures: "9 h 30 – 12 h" }]);
    expect(mots("Mo-We 09:00-12:00; Fr[1] 14:00-17:00")).toEqual([
      { jours: "du lundi au mercredi", heures: "9 h – 12 h" },
      { jours: "le 1er vendredi du mois", heures: "14 h – 17 h" },
    ]);
    // A later rule that closes one week of the month: the remaining weeks are said.
    expect(mots("Th 09:00-12:00; Th[2] off")).toEqual([{ jours: "le 1er, le 3e, le 4e et le 5e jeudi du mois", heures: "9 h – 12 h" }]);
  });

  it("dit les mois et les saisons", () => {
    expect(mots("Mar-Oct We 09:30-12:30")).toEqual([{ jours: "de mars à octobre, le mercredi", heures: "9 h 30 – 12 h 30" }]);
    expect(phrases("Nov-Mar: Mo-Su 18:30-09:00")).toEqual(["de novembre à mars, tous les jours, de 18 h 30 à 9 h"]);
    expect(mots("Jan,Jul-Aug Sa 10:00-12:00; PH off")).toEqual([
      { jours: "en janvier et de juillet à août, le samedi", heures: "10 h – 12 h" },
    ]);
    expect(mots("Mo-Fr 09:00-12:00; Aug off")).toEqual([
      { jours: "de septembre à juillet, du lundi au vendredi", heures: "9 h – 12 h" },
    ]);
  });

  it("date les trois prochaines ouvertures à partir du jour de construction", () => {
    expect(lireHoraires("Tu[1,3] 09:30-12:30", JOUR)?.prochaines).toEqual([
      "mardi 15 décembre, 9 h 30 – 12 h 30",
      "mardi 5 janvier 2027, 9 h 30 – 12 h 30",
      "mardi 19 janvier 2027, 9 h 30 – 12 h 30",
    ]);
    expect(lireHoraires("Nov-Mar: Mo-Su 18:30-09:00", JOUR)?.prochaines).toEqual([
      "lundi 7 décembre, jusqu'à 9 h et 18 h 30 – 9 h le lendemain",
      "mardi 8 décembre, 18 h 30 – 9 h le lendemain",
      "mercredi 9 décembre, 18 h 30 – 9 h le lendemain",
    ]);
    // Christmas and New Year's Day are Fridays and public holidays: skipped.
    expect(lireHoraires("Fr 09:00-12:00; PH off", "2026-12-21")?.prochaines).toEqual([
      "vendredi 8 janvier 2027, 9 h – 12 h",
      "vendredi 15 janvier 2027, 9 h – 12 h",
      "vendredi 22 janvier 2027, 9 h – 12 h",
    ]);
  });

  it("remplace ce que les mots ne peuvent pas dire exactement par les prochaines ouvertures", () => {
    for (const v of ['Mo-Fr 09:00-12:00 || "sur rendez-vous"', "Mo 10:00+", "week 1-53/2 Mo 10:00-12:00", "Dec 25 10:00-12:00"]) {
      expect(mots(v), v).toEqual([]);
    }
    expect(lireHoraires("week 1-53/2 Mo 10:00-12:00", JOUR)?.prochaines).toEqual([
      "lundi 14 décembre, 10 h – 12 h",
      "lundi 28 décembre, 10 h – 12 h",
      "lundi 4 janvier 2027, 10 h – 12 h",
    ]);
    expect(lireHoraires("Dec 25 10:00-12:00", JOUR)?.prochaines).toEqual(["vendredi 25 décembre, 10 h – 12 h"]);
  });

  it("ne dit rien d'une valeur illisible ni d'heures solaires (calculées dans le fuseau de la machine)", () => {
    expect(lireHoraires("lundi 9h", JOUR)).toBeUndefined();
    expect(lireHoraires("", JOUR)).toBeUndefined();
    expect(lireHoraires("sunrise-sunset", JOUR)).toBeUndefined();
  });

  it("dit en mots toutes les valeurs du catalogue de démonstration", () => {
    const valeurs = new Set<string>();
    for (const dossier of ["content/services", "content/structures"]) {
      for (const f of readdirSync(dossier)) {
        const m = /^horaires_accueil: (.+)$/m.exec(readFileSync(`${dossier}/${f}`, "utf8"));
        if (m) valeurs.add(JSON.parse(m[1]!) as string);
      }
    }
    expect(valeurs.size).toBeGreaterThan(50);
    for (const v of valeurs) expect(mots(v)?.length, v).toBeGreaterThan(0);
  });
});

describe("insecables", () => {
  it("garde « 9 h 30 » et « 12 h – » d'un seul tenant à l'affichage", () => {
    expect(insecables("9 h 30 – 12 h 30 et 14 h – 17 h")).toBe("9\u00a0h\u00a030\u00a0– 12\u00a0h\u00a030 et 14\u00a0h\u00a0– 17\u00a0h");
    expect(insecables("le mardi 15 décembre à 9 h 30")).toBe("le mardi 15 décembre à 9\u00a0h\u00a030");
  });
});

describe("oracle : ce que disent les mots est ce que dit la bibliothèque", () => {
  const valeurs = valeursGenerees();
  // From June 2027 to May 2028: every month, a leap February, two DST changes, the public holidays.
  const DEBUT = "2027-06-01";
  let ici: ResultatOracle[] = [];

  it("pour des centaines de valeurs générées et chaque jour d'une année", () => {
    ici = oracle(valeurs, DEBUT, 366);
    expect(valeurs.length).toBeGreaterThan(200);
    for (const r of ici) expect(r.ecarts, r.valeur).toEqual([]);
    // Not vacuous: most values, and every shape, are said in words.
    const enMots = ici.filter((r) => r.enMots);
    expect(enMots.length / ici.length).toBeGreaterThan(0.7);
    const toutes = enMots.flatMap((r) => r.lignes).join("\n");
    for (const forme of ["du mois", "le dernier", "de mars à octobre", "de novembre à mars", "en janvier et de juillet à août", "(sur rendez-vous)", "sur rendez-vous\n", "du lundi au vendredi"]) {
      expect(toutes).toContain(forme);
    }
    expect(enMots.filter((r) => r.valeur.endsWith("PH off")).length).toBeGreaterThan(30);
    // The dated openings are there whenever the library opens within the year.
    for (const r of ici) expect(r.prochaines.length > 0, r.valeur).toBe(r.bibliotheque.includes('"debut"'));
  }, 240_000);

  it("à Paris, quel que soit le fuseau horaire de la machine (New York, Tokyo)", async () => {
    // One value in four keeps the child processes short; every shape stays in (the list is a diagonal).
    const extrait = valeurs.filter((_, i) => i % 4 === 0);
    const script =
      "const m = await import(process.argv[1]);" +
      "console.log(JSON.stringify(m.oracle(JSON.parse(process.argv[2]), process.argv[3], 366)));";
    const attendu = ici.length > 0 ? ici.filter((r) => extrait.includes(r.valeur)) : oracle(extrait, DEBUT, 366);
    for (const tz of ["Europe/Paris", "America/New_York", "Asia/Tokyo"]) {
      // Asynchronous: a worker blocked for a minute would miss vitest's own messages.
      const { stdout: sortie } = await promisify(execFile)(
        process.execPath,
        ["--import", "tsx", "--input-type=module", "-e", script, ORACLE, JSON.stringify(extrait), DEBUT],
        { env: { ...process.env, TZ: tz }, encoding: "utf8", maxBuffer: 256 * 1024 * 1024 },
      );
      const la = JSON.parse(sortie) as ResultatOracle[];
      for (const r of la) expect(r.ecarts, `${tz} ${r.valeur}`).toEqual([]);
      expect(la, tz).toEqual(attendu);
    }
  }, 300_000);
});

describe("phraseAujourdhui (dans le navigateur, depuis les intervalles calculés à la construction)", () => {
  const c: CalendrierHoraires = {
    du: "2026-12-07",
    au: "2026-12-15",
    ouvertures: [
      ["2026-12-07", 540, 720],
      ["2026-12-07", 840, 1020],
      ["2026-12-08", 1110, 1440],
      ["2026-12-09", 0, 540],
      ["2026-12-15", 570, 750, "sur rendez-vous"],
    ],
  };
  it("dit ouvert jusqu'à quand, quand ça ouvre, ou la prochaine ouverture", () => {
    expect(phraseAujourdhui(c, { jour: "2026-12-07", minutes: 600 })).toBe("Aujourd'hui : ouvert jusqu'à 12 h.");
    expect(phraseAujourdhui(c, { jour: "2026-12-07", minutes: 760 })).toBe("Aujourd'hui : fermé en ce moment, ouvre à 14 h.");
    expect(phraseAujourdhui(c, { jour: "2026-12-07", minutes: 1030 })).toBe("Aujourd'hui : fermé. Prochaine ouverture : demain à 18 h 30.");
    expect(phraseAujourdhui(c, { jour: "2026-12-08", minutes: 1200 })).toBe("Aujourd'hui : ouvert jusqu'à 9 h demain.");
    expect(phraseAujourdhui(c, { jour: "2026-12-10", minutes: 600 })).toBe(
      "Aujourd'hui : fermé. Prochaine ouverture : le mardi 15 décembre à 9 h 30 (sur rendez-vous).",
    );
    expect(phraseAujourdhui(c, { jour: "2026-12-15", minutes: 1000 })).toBe("Aujourd'hui : fermé.");
  });
  it("dit « toute la journée » d'un jour ouvert de minuit à minuit (24/7), pas « jusqu'à minuit demain »", () => {
    const jourEtNuit: CalendrierHoraires = {
      du: "2026-12-07",
      au: "2026-12-08",
      ouvertures: [
        ["2026-12-07", 0, 1440],
        ["2026-12-08", 0, 1440],
      ],
    };
    expect(phraseAujourdhui(jourEtNuit, { jour: "2026-12-07", minutes: 1380 })).toBe("Aujourd'hui : ouvert toute la journée.");
  });
  it("se tait hors de la période calculée (une page qui n'a pas été reconstruite)", () => {
    expect(phraseAujourdhui(c, { jour: "2026-12-16", minutes: 600 })).toBeUndefined();
    expect(phraseAujourdhui(c, { jour: "2026-12-06", minutes: 600 })).toBeUndefined();
  });
  it("lit l'heure de Paris, pas celle de la machine", () => {
    expect(momentParis(new Date("2026-12-07T23:30:00Z"))).toEqual({ jour: "2026-12-08", minutes: 30 });
    expect(momentParis(new Date("2026-07-01T08:00:00Z"))).toEqual({ jour: "2026-07-01", minutes: 600 });
  });
});

describe("verifierHoraires", () => {
  it("accepte une valeur correcte, sans bruit sur les jours fériés", () => {
    expect(verifierHoraires("Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00")).toEqual({
      ok: true,
      avertissements: [],
    });
    expect(verifierHoraires("24/7").ok).toBe(true);
    expect(verifierHoraires("Mo-Fr 08:30-12:00; PH off").ok).toBe(true);
  });

  it("refuse du français libre avec un message en français", () => {
    const r = verifierHoraires("lundi 9h");
    expect(r.ok).toBe(false);
    if (r.ok) return;
    expect(r.message).toContain(
      "\"lundi 9h\" n'est pas au format OpenStreetMap opening_hours (exemple : Mo-Fr 09:00-12:00,14:00-17:00)",
    );
    expect(r.message).toContain('Veuillez utiliser l\'abréviation anglaise "Mo" pour "lundi".');
  });

  it("refuse les heures sans minutes que la bibliothèque corrigerait, et propose la correction", () => {
    for (const valeur of ["Mo-Fr 9-12", "Mo-Fr 9h-12h"]) {
      const r = verifierHoraires(valeur);
      expect(r.ok, valeur).toBe(false);
      if (r.ok) continue;
      expect(r.message).toContain(`"${valeur}" n'est pas au format OpenStreetMap opening_hours`);
      expect(r.message).toContain("Plage horaire spécifiée sans minutes");
      expect(r.message).toContain("Proposition à vérifier : Mo-Fr 09:00-12:00");
    }
  });

  it("refuse les abréviations françaises et le tiret typographique", () => {
    expect(verifierHoraires("Lu-Ve 09:00-12:00").ok).toBe(false);
    expect(verifierHoraires("Mo-Fr 09:00–12:00").ok).toBe(false);
  });

  it("refuse une valeur vide", () => {
    expect(verifierHoraires("")).toEqual({
      ok: false,
      message:
        "Les horaires sont vides : indiquez-les au format OpenStreetMap opening_hours (exemple : Mo-Fr 09:00-12:00,14:00-17:00).",
    });
    expect(verifierHoraires("   ").ok).toBe(false);
  });

  it("rend les avertissements de la bibliothèque en français", () => {
    const r = verifierHoraires("Mo-Fr 10:00-12:00;");
    expect(r.ok).toBe(true);
    if (!r.ok) return;
    expect(r.avertissements.join(" ")).toContain("Cette règle ne contient rien d'utile.");
  });

  it("avertit que les heures du soleil ne seront pas affichées, et seulement elles", () => {
    for (const valeur of ["Mo-Fr sunrise-sunset", "Sa 08:00-dusk"]) {
      const r = verifierHoraires(valeur);
      expect(r.ok && r.avertissements.some((a) => a.includes("lever ou du coucher du soleil")), valeur).toBe(true);
    }
    const r = verifierHoraires("Mo-Fr 09:00-12:00");
    expect(r.ok && r.avertissements).toEqual([]);
  });
});

describe("estOuvert", () => {
  it("évalue sur les composantes locales de la date", () => {
    expect(estOuvert("Mo-Fr 09:00-12:00", new Date(2024, 5, 10, 10, 0))).toBe(true);
    expect(estOuvert("Mo-Fr 09:00-12:00", new Date(2024, 5, 10, 13, 0))).toBe(false);
    expect(estOuvert('Mo-Fr "sur rendez-vous"', new Date(2024, 5, 10, 10, 0))).toBeNull();
    expect(estOuvert("lundi 9h", new Date(2024, 5, 10, 10, 0))).toBeNull();
  });
});
