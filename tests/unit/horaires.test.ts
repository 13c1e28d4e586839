import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { estOuvert, horairesEnClair, verifierHoraires } from "../../src/domain/horaires";

const MODULE = fileURLToPath(new URL("../../src/domain/horaires.ts", import.meta.url));

describe("horairesEnClair", () => {
  it("groupe les jours de semaine et garde le samedi matin à part", () => {
    expect(horairesEnClair("Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00")).toEqual({
      lignes: [
        { jours: "du lundi au vendredi", heures: "9 h – 12 h et 14 h – 17 h" },
        { jours: "le samedi", heures: "9 h – 12 h" },
      ],
      complet: true,
    });
  });

  it("énumère deux jours non consécutifs", () => {
    expect(horairesEnClair("Mo,Th 14:00-17:00")).toEqual({
      lignes: [{ jours: "le lundi et le jeudi", heures: "14 h – 17 h" }],
      complet: true,
    });
  });

  it("garde les minutes et sépare des jours aux horaires différents", () => {
    expect(horairesEnClair("Tu 09:00-12:00; We 13:30-16:30").lignes).toEqual([
      { jours: "le mardi", heures: "9 h – 12 h" },
      { jours: "le mercredi", heures: "13 h 30 – 16 h 30" },
    ]);
  });

  it("lit 24/7 comme tous les jours, 24 h sur 24", () => {
    expect(horairesEnClair("24/7")).toEqual({
      lignes: [{ jours: "tous les jours", heures: "24 h sur 24" }],
      complet: true,
    });
  });

  it("signale que « PH off » ne se voit pas dans une semaine type", () => {
    expect(horairesEnClair("Mo-Fr 08:30-12:00; PH off")).toEqual({
      lignes: [{ jours: "du lundi au vendredi", heures: "8 h 30 – 12 h" }],
      complet: false,
    });
  });

  it("omet un jour fermé au milieu de la semaine", () => {
    expect(horairesEnClair("Mo-We,Fr 09:00-12:00").lignes).toEqual([
      { jours: "du lundi au mercredi et le vendredi", heures: "9 h – 12 h" },
    ]);
    expect(horairesEnClair("Mo,Tu,Th 09:00-12:00").lignes).toEqual([
      { jours: "le lundi, le mardi et le jeudi", heures: "9 h – 12 h" },
    ]);
  });

  it("suit l'évaluation de la bibliothèque plutôt que l'écriture de la valeur", () => {
    // "," adds to the previous rule…
    expect(horairesEnClair("Mo,Tu,We,Th,Fr 09:00-12:00, Mo-Fr 14:00-17:00; Sa,Su off")).toEqual(
      horairesEnClair("Mo-Fr 09:00-12:00,14:00-17:00"),
    );
    // …while ";" replaces what an earlier rule said about the same days.
    expect(horairesEnClair("Mo-Fr 09:00-12:00; We 14:00-17:00").lignes).toEqual([
      { jours: "le lundi, le mardi, le jeudi et le vendredi", heures: "9 h – 12 h" },
      { jours: "le mercredi", heures: "14 h – 17 h" },
    ]);
  });

  it("lit une plage qui passe minuit sur le premier jour", () => {
    expect(horairesEnClair("Mo-Su 22:00-02:00").lignes).toEqual([
      { jours: "tous les jours", heures: "22 h – 2 h" },
    ]);
  });

  it("rend les commentaires et les fins ouvertes", () => {
    expect(horairesEnClair('Mo-Fr 09:00-12:00 "sur rendez-vous"; Sa 10:00+')).toEqual({
      lignes: [
        { jours: "du lundi au vendredi", heures: "9 h – 12 h (sur rendez-vous)" },
        { jours: "le samedi", heures: "à partir de 10 h" },
      ],
      complet: true,
    });
    expect(horairesEnClair('Mo-Fr 09:00-12:00; Sa "sur rendez-vous"').lignes).toEqual([
      { jours: "du lundi au vendredi", heures: "9 h – 12 h" },
      { jours: "le samedi", heures: "sur rendez-vous" },
    ]);
  });

  it("n'invente pas d'horaires pour une règle de repli, des mois ou le soleil", () => {
    expect(horairesEnClair('Mo-Fr 09:00-12:00 || "sur rendez-vous"')).toEqual({
      lignes: [{ jours: "du lundi au vendredi", heures: "9 h – 12 h" }],
      complet: false,
    });
    expect(horairesEnClair("Jan-Jun Mo 10:00-12:00").complet).toBe(false);
    expect(horairesEnClair("sunrise-sunset")).toEqual({ lignes: [], complet: false });
  });

  it("ne rend rien de sûr pour une valeur invalide", () => {
    expect(horairesEnClair("lundi 9h")).toEqual({ lignes: [], complet: false });
    expect(horairesEnClair("")).toEqual({ lignes: [], complet: false });
    // Readable after correction by the library, but the raw value must be shown too.
    expect(horairesEnClair("Mo-Fr 9-12")).toEqual({
      lignes: [{ jours: "du lundi au vendredi", heures: "9 h – 12 h" }],
      complet: false,
    });
  });

  it("donne le même résultat quel que soit le fuseau horaire de la machine", () => {
    const valeurs = [
      "Mo-Fr 09:00-12:00,14:00-17:00; Sa 09:00-12:00; PH off",
      "Mo-Su 22:00-02:00",
      "Tu 08:30-12:00; Su 10:00-11:00",
    ];
    const script =
      "const m = await import(process.argv[1]);" +
      "console.log(JSON.stringify(JSON.parse(process.argv[2]).map((v) => m.horairesEnClair(v))));";
    for (const tz of ["Pacific/Auckland", "America/Los_Angeles"]) {
      const sortie = execFileSync(
        process.execPath,
        ["--import", "tsx", "--input-type=module", "-e", script, MODULE, JSON.stringify(valeurs)],
        { env: { ...process.env, TZ: tz }, encoding: "utf8" },
      );
      expect(JSON.parse(sortie), tz).toEqual(valeurs.map((v) => horairesEnClair(v)));
    }
  }, 30_000);
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
});

describe("estOuvert", () => {
  it("évalue sur les composantes locales de la date", () => {
    expect(estOuvert("Mo-Fr 09:00-12:00", new Date(2024, 5, 10, 10, 0))).toBe(true);
    expect(estOuvert("Mo-Fr 09:00-12:00", new Date(2024, 5, 10, 13, 0))).toBe(false);
    expect(estOuvert('Mo-Fr "sur rendez-vous"', new Date(2024, 5, 10, 10, 0))).toBeNull();
    expect(estOuvert("lundi 9h", new Date(2024, 5, 10, 10, 0))).toBeNull();
  });
});
