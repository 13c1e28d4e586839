/**
 * One command run under GNU time (`/usr/bin/time -f … -o …`): wall time, CPU time and peak resident
 * memory, its exit status, its last line on stdout. Its output goes to log files (and stderr, line by
 * line, to the journal), never wholly into memory: an import may print a line per record it skips.
 *
 * The peak is `ru_maxrss` of the command's processes: that of the largest one, not a sum (with
 * `tsx script.ts`, the node process tsx starts to run the script).
 */
import { spawn } from "node:child_process";
import { createWriteStream, readFileSync } from "node:fs";
import { loadavg } from "node:os";
import { join } from "node:path";
import { createInterface } from "node:readline";

export const TIME = "/usr/bin/time";

export interface Mesure {
  /** The command, as it would be typed (relative to the project). */
  commande: string;
  dureeS: number;
  cpuS: number;
  rssMaxOctets: number;
  /** Exit status; null when killed by a signal. */
  code: number | null;
  signal?: string;
  /** The last non-empty line on stdout: the CLI's summary. */
  derniereLigne: string;
  /** The last lines on stderr (for error messages). */
  finErreurs: string[];
  /** 1-minute load average before the run. */
  charge: number;
  journaux: { stdout: string; stderr: string };
}

export interface OptionsMesure {
  cwd: string;
  /** Folder for the logs and GNU time's output; `nom` names them. */
  dossierJournaux: string;
  nom: string;
  env?: NodeJS.ProcessEnv;
  /** Each line of stderr as it comes (progress of the command). */
  surErreur?: (ligne: string) => void;
  /** The command as shown in reports (default: the arguments joined). */
  affichage?: string;
}

/** GNU time's `-f "%e %U %S %M %x"`: the last line of its output (a first line tells about a signal or a non-zero status). */
export function lireSortieTime(texte: string): { dureeS: number; cpuS: number; rssKo: number; code: number; signal?: number } | undefined {
  const lignes = texte.trim().split("\n");
  const m = /^([\d.]+) ([\d.]+) ([\d.]+) (\d+) (-?\d+)$/.exec(lignes.at(-1)?.trim() ?? "");
  if (!m) return undefined;
  const signal = /terminated by signal (\d+)/.exec(lignes[0] ?? "");
  return { dureeS: Number(m[1]), cpuS: Number(m[2]) + Number(m[3]), rssKo: Number(m[4]), code: Number(m[5]), ...(signal ? { signal: Number(signal[1]) } : {}) };
}

export function mesurer(programme: string, args: readonly string[], o: OptionsMesure): Promise<Mesure> {
  const fichierTime = join(o.dossierJournaux, `${o.nom}.time`);
  const journaux = { stdout: join(o.dossierJournaux, `${o.nom}.stdout.log`), stderr: join(o.dossierJournaux, `${o.nom}.stderr.log`) };
  const charge = loadavg()[0]!;
  return new Promise((resoudre, rejeter) => {
    const enfant = spawn(TIME, ["-f", "%e %U %S %M %x", "-o", fichierTime, programme, ...args], {
      cwd: o.cwd,
      env: o.env ?? process.env,
      stdio: ["ignore", "pipe", "pipe"],
    });
    const sortie = createWriteStream(journaux.stdout);
    const erreurs = createWriteStream(journaux.stderr);
    let derniereLigne = "";
    const finErreurs: string[] = [];
    createInterface({ input: enfant.stdout }).on("line", (ligne) => {
      sortie.write(`${ligne}\n`);
      if (ligne.trim() !== "") derniereLigne = ligne.trim();
    });
    createInterface({ input: enfant.stderr }).on("line", (ligne) => {
      erreurs.write(`${ligne}\n`);
      finErreurs.push(ligne);
      if (finErreurs.length > 20) finErreurs.shift();
      o.surErreur?.(ligne);
    });
    enfant.on("error", rejeter);
    enfant.on("close", () => {
      sortie.end();
      erreurs.end();
      let lu: ReturnType<typeof lireSortieTime>;
      try {
        lu = lireSortieTime(readFileSync(fichierTime, "utf8"));
      } catch {
        lu = undefined;
      }
      if (!lu) {
        rejeter(new Error(`${TIME} n'a pas donné ses mesures pour « ${o.affichage ?? args.join(" ")} » (voir ${fichierTime}).`));
        return;
      }
      resoudre({
        commande: o.affichage ?? [programme, ...args].join(" "),
        dureeS: lu.dureeS,
        cpuS: lu.cpuS,
        rssMaxOctets: lu.rssKo * 1024,
        code: lu.signal !== undefined ? null : lu.code,
        ...(lu.signal !== undefined ? { signal: `signal ${lu.signal}` } : {}),
        derniereLigne,
        finErreurs,
        charge,
        journaux,
      });
    });
  });
}
