/**
 * docs/benchmarks.md is written by several benchmarks, each owning one `## <title>` section: a run
 * rewrites its own section (up to the next `## ` heading) and keeps every other one as it is.
 */
import { existsSync, readFileSync, writeFileSync } from "node:fs";

const ENTETE = "# Mesures\n\nFigures mesurées sur la machine de développement ; chaque section est écrite par son script.\n";

/** Replaces the section whose heading is exactly `## <titre>` by `section` (which starts with that heading), or appends it. */
export function ecrireSection(chemin: string, titre: string, section: string): void {
  const ancien = existsSync(chemin) ? readFileSync(chemin, "utf8") : ENTETE;
  const echappe = titre.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
  const debut = ancien.search(new RegExp(`^## ${echappe}\\s*$`, "m"));
  let nouveau: string;
  if (debut === -1) {
    nouveau = `${ancien.trimEnd()}\n\n${section}`;
  } else {
    const suite = ancien.slice(debut + 1).search(/^## /m);
    const fin = suite === -1 ? ancien.length : debut + 1 + suite;
    nouveau = `${ancien.slice(0, debut)}${section}${fin < ancien.length ? `\n${ancien.slice(fin)}` : ""}`;
  }
  writeFileSync(chemin, `${nouveau.trimEnd()}\n`);
}
