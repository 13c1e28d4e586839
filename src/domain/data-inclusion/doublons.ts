/**
 * Structures that are one organisation: those data·inclusion lists as duplicates of each other
 * (`doublons` of its API), and those sharing a SIRET and a commune (branches often share their head
 * office's SIRET, so the SIRET alone is not enough). Each group becomes one file that keeps every
 * origin; the group's services follow it.
 */

export interface MembreGroupe {
  id: string;
  siret?: string;
  codeInsee?: string;
  /** Ids data·inclusion names as duplicates of this one. */
  doublons: readonly string[];
  /** The catalogue file that already holds this id, if any. */
  fichier?: string;
}

/** Union-find over ids. */
class Partition {
  private readonly parent = new Map<string, string>();
  racine(id: string): string {
    let r = id;
    while (this.parent.has(r) && this.parent.get(r) !== r) r = this.parent.get(r)!;
    this.parent.set(id, r);
    return r;
  }
  unir(a: string, b: string): void {
    const ra = this.racine(a);
    const rb = this.racine(b);
    if (ra !== rb) this.parent.set(ra < rb ? rb : ra, ra < rb ? ra : rb);
  }
}

/**
 * Groups the members into organisations; returns, for each id, the id of the record that holds the group
 * (`principal`): the one already in the catalogue, else the smallest id (stable from one run to the next).
 * Two members already in two different files are never merged: the Département merges files by hand.
 */
export function regrouperDoublons(membres: readonly MembreGroupe[]): Map<string, string> {
  const parId = new Map(membres.map((m) => [m.id, m]));
  const partition = new Partition();
  const fichierDuGroupe = new Map<string, string | undefined>();
  const unirSiPossible = (a: string, b: string) => {
    const ra = partition.racine(a);
    const rb = partition.racine(b);
    if (ra === rb) return;
    const fa = fichierDuGroupe.get(ra) ?? parId.get(ra)?.fichier;
    const fb = fichierDuGroupe.get(rb) ?? parId.get(rb)?.fichier;
    if (fa && fb && fa !== fb) return;
    partition.unir(a, b);
    fichierDuGroupe.set(partition.racine(a), fa ?? fb);
  };
  const ordonnes = [...membres].sort((a, b) => (a.id < b.id ? -1 : 1));
  for (const m of ordonnes) for (const d of m.doublons) if (parId.has(d)) unirSiPossible(m.id, d);
  const parSiretCommune = new Map<string, string>();
  for (const m of ordonnes) {
    if (!m.siret || !m.codeInsee) continue;
    const cle = `${m.siret}|${m.codeInsee}`;
    const premier = parSiretCommune.get(cle);
    if (premier) unirSiPossible(premier, m.id);
    else parSiretCommune.set(cle, m.id);
  }
  const groupes = new Map<string, MembreGroupe[]>();
  for (const m of ordonnes) {
    const r = partition.racine(m.id);
    groupes.set(r, [...(groupes.get(r) ?? []), m]);
  }
  const principal = new Map<string, string>();
  for (const groupe of groupes.values()) {
    const tete = groupe.find((m) => m.fichier !== undefined) ?? groupe[0]!;
    for (const m of groupe) principal.set(m.id, tete.id);
  }
  return principal;
}
