/**
 * Opening hours of a service or structure page, from the view model (src/domain/horaires/fiche.ts): words,
 * never code. `<Horaires horaires={fiche.ouEtQuand.horaires} />` gives the exact words (or, when words
 * cannot say the value exactly, only the next openings computed at build time), public holidays, the dated
 * next openings, and first the « aujourd'hui » line; `<HorairesDuJour horaires={…} />` gives that line alone.
 * The « aujourd'hui » line is filled in the browser by horaires-aujourdhui.ts (include <ScriptHoraires />
 * once in the page); without JavaScript it stays hidden and the dated openings say the same.
 */
import type { HorairesFiche } from "../../domain/horaires/fiche";
import { insecables } from "../../domain/horaires/mots";

const majuscule = (t: string) => t.charAt(0).toUpperCase() + t.slice(1);

export function HorairesDuJour({ horaires }: { horaires: HorairesFiche }) {
  if (!horaires.renseignes) return null;
  return <p className="horaires-aujourdhui" data-horaires-calendrier={JSON.stringify(horaires.calendrier)} hidden />;
}

export default function Horaires({ horaires }: { horaires: HorairesFiche }) {
  if (!horaires.renseignes) {
    const { avant, lien, apres } = horaires.conseil;
    return (
      <p className="horaires-absents">
        {avant}
        {lien && <a href={lien.href}>{lien.libelle}</a>}
        {apres}
      </p>
    );
  }
  return (
    <>
      <HorairesDuJour horaires={horaires} />
      {horaires.deLaStructure && <p>Horaires de la structure, où le service est rendu :</p>}
      {horaires.lignes.length > 0 && (
        <table className="horaires">
          <caption className="visually-hidden">Horaires d'accueil</caption>
          <tbody>
            {horaires.lignes.map((l) => (
              <tr key={l.jours}>
                <th scope="row">{majuscule(l.jours)}</th>
                <td>{insecables(l.heures)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {horaires.feries && <p>{horaires.feries}</p>}
      {horaires.prochaines.length > 0 ? (
        <>
          <p>Prochaines ouvertures :</p>
          <ul className="horaires-prochaines">
            {horaires.prochaines.map((p) => (
              <li key={p}>{insecables(p)}</li>
            ))}
          </ul>
        </>
      ) : (
        <p>Aucune ouverture prévue dans les douze prochains mois.</p>
      )}
    </>
  );
}
