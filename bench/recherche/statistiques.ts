/** Medians and percentiles of the benchmark's samples (nearest-rank, no interpolation). */

export interface Distribution {
  n: number;
  mediane: number;
  p95: number;
  max: number;
}

export function quantile(valeurs: readonly number[], q: number): number {
  if (valeurs.length === 0) return NaN;
  const tries = [...valeurs].sort((a, b) => a - b);
  return tries[Math.min(tries.length - 1, Math.max(0, Math.ceil(q * tries.length) - 1))]!;
}

export function distribution(valeurs: readonly number[]): Distribution {
  return { n: valeurs.length, mediane: quantile(valeurs, 0.5), p95: quantile(valeurs, 0.95), max: quantile(valeurs, 1) };
}

/** Milliseconds of a synchronous call. */
export function chronometrer<T>(f: () => T): { resultat: T; ms: number } {
  const debut = performance.now();
  const resultat = f();
  return { resultat, ms: performance.now() - debut };
}
