/**
 * Seeded randomness for synthetic data (the search bench's catalogue, the import bench's dump):
 * mulberry32, small and good enough for test data, and the draws built on it.
 */

export type Aleatoire = () => number;

export function mulberry32(graine: number): Aleatoire {
  let a = graine >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** A seed from the command line: an integer as is, any other text hashed (FNV-1a). */
export function graineDepuisTexte(texte: string): number {
  if (/^\d+$/.test(texte.trim())) return Number(texte.trim()) >>> 0;
  let h = 0x811c9dc5;
  for (let i = 0; i < texte.length; i++) {
    h ^= texte.charCodeAt(i);
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  return h;
}

export class Tirage {
  constructor(readonly suivant: Aleatoire) {}
  entier(n: number): number {
    return Math.floor(this.suivant() * n);
  }
  entre(min: number, max: number): number {
    return min + this.entier(max - min + 1);
  }
  proba(p: number): boolean {
    return this.suivant() < p;
  }
  un<T>(liste: readonly T[]): T {
    if (liste.length === 0) throw new Error("tirage dans une liste vide");
    return liste[this.entier(liste.length)]!;
  }
  melanger<T>(liste: readonly T[]): T[] {
    const copie = [...liste];
    for (let i = copie.length - 1; i > 0; i--) {
      const j = this.entier(i + 1);
      [copie[i], copie[j]] = [copie[j]!, copie[i]!];
    }
    return copie;
  }
}

/** Weighted draws in O(log n): cumulative weights and a binary search. */
export class Ponderation<T> {
  private readonly cumuls: number[] = [];
  private readonly total: number;
  constructor(
    private readonly valeurs: readonly T[],
    poids: (v: T) => number,
  ) {
    let somme = 0;
    for (const v of valeurs) {
      somme += Math.max(0, poids(v));
      this.cumuls.push(somme);
    }
    this.total = somme;
  }
  tirer(t: Tirage): T {
    const x = t.suivant() * this.total;
    let bas = 0;
    let haut = this.cumuls.length - 1;
    while (bas < haut) {
      const milieu = (bas + haut) >> 1;
      if (this.cumuls[milieu]! > x) haut = milieu;
      else bas = milieu + 1;
    }
    return this.valeurs[bas]!;
  }
}
