/** Opening hours of a service page, from the view model (src/domain/fiche-service.ts): words, never code. */
import type { FicheService } from "../../domain/fiche-service";

type HorairesFiche = NonNullable<FicheService["ouEtQuand"]["horaires"]>;

export default function Horaires({ horaires }: { horaires: HorairesFiche }) {
  return (
    <>
      {horaires.lignes.length > 0 && (
        <table className="horaires">
          <caption className="visually-hidden">Horaires d'accueil</caption>
          <tbody>
            {horaires.lignes.map((l) => (
              <tr key={l.jours}>
                <th scope="row">{l.jours.charAt(0).toUpperCase() + l.jours.slice(1)}</th>
                <td>{l.heures}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      {horaires.brut && (
        <p>
          Horaires détaillés : <code>{horaires.brut}</code>
        </p>
      )}
    </>
  );
}
