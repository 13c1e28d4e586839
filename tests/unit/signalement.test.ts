import { describe, expect, it } from "vitest";
import { CE_QUI_EST_FAUX, lienSignalement, quiRecoitLeSignalement, type Signalement } from "../../src/domain/signalement";

const base: Signalement = {
  nomService: "Atelier CV & lettre",
  nomStructure: "CCAS de Loudun",
  page: "https://carto.example.org/services/atelier-cv/",
  identifiant: "carto-86--atelier-cv",
  courrielDeLaFiche: "accueil@ccas-loudun.example.org",
  courrielDepartement: "carto@departement.example.org",
  nomDuSite: "Carto Insertion Vienne",
};

/** The link as a mail client reads it. */
function lire(lien: string) {
  const url = new URL(lien);
  return { a: decodeURIComponent(url.pathname), cc: url.searchParams.get("cc"), sujet: url.searchParams.get("subject"), corps: url.searchParams.get("body") ?? "" };
}

describe("« Signaler une erreur »", () => {
  it("writes to the listing's address with the Département in copy, naming the service, its page and identifier", () => {
    const { a, cc, sujet, corps } = lire(lienSignalement(base));
    expect(a).toBe("accueil@ccas-loudun.example.org");
    expect(cc).toBe("carto@departement.example.org");
    expect(sujet).toBe("Erreur sur la fiche « Atelier CV & lettre »");
    expect(corps).toContain("« Atelier CV & lettre » (CCAS de Loudun)");
    expect(corps).toContain(`Page : ${base.page}`);
    expect(corps).toContain(`Identifiant : ${base.identifiant}`);
    for (const c of CE_QUI_EST_FAUX) expect(corps).toContain(`- ${c}`);
  });

  it("writes to the Département alone when the listing has no address", () => {
    const { a, cc } = lire(lienSignalement({ ...base, courrielDeLaFiche: undefined }));
    expect(a).toBe("carto@departement.example.org");
    expect(cc).toBeNull();
  });

  it("tells the page who receives it: the service or the structure with the Département in copy, else the Département", () => {
    expect(quiRecoitLeSignalement(base, true)).toBe("au service, avec le Département en copie");
    expect(quiRecoitLeSignalement(base, false)).toBe("à la structure, avec le Département en copie");
    expect(quiRecoitLeSignalement({ ...base, courrielDeLaFiche: undefined }, false)).toBe("au Département");
    // The listing's address is the Département's own: no copy to announce.
    expect(quiRecoitLeSignalement({ ...base, courrielDeLaFiche: base.courrielDepartement }, true)).toBe("au Département");
    expect(lire(lienSignalement({ ...base, courrielDeLaFiche: base.courrielDepartement })).cc).toBeNull();
  });
});
