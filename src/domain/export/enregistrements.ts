/**
 * Open data: the catalogue in data·inclusion v1 format (service.json / structure.json of the national
 * schema). Absent optional fields are null, as the schema's defaults say. An imported record keeps its
 * origin's source, id and page (data·inclusion de-duplicates on them); a listing made here has ours.
 */
import type { Catalogue, Lieu, Service, Structure } from "../catalogue";

export interface OptionsExport {
  /** Public URL of a service's or structure's page (`lien_source`). */
  urlService: (slug: string) => string;
  urlStructure: (slug: string) => string;
}

const ouNull = <T>(v: T | undefined): T | null => (v === undefined ? null : v);
const listeOuNull = <T>(v: readonly T[] | undefined): T[] | null => (v && v.length > 0 ? [...v] : null);

function adresseExportee(lieu: Lieu | undefined) {
  return {
    adresse: ouNull(lieu?.adresse),
    complement_adresse: ouNull(lieu?.complement_adresse),
    code_postal: ouNull(lieu?.code_postal),
    commune: ouNull(lieu?.commune),
    code_insee: ouNull(lieu?.code_insee),
    latitude: ouNull(lieu?.latitude),
    longitude: ouNull(lieu?.longitude),
  };
}

export function exporterStructure(s: Structure, o: OptionsExport) {
  return {
    source: s.source,
    id: s.id,
    nom: s.nom,
    siret: ouNull(s.siret),
    ...adresseExportee(s.lieu),
    telephone: ouNull(s.telephone),
    courriel: ouNull(s.courriel),
    site_web: ouNull(s.site_web),
    lien_source: s.lien_source ?? o.urlStructure(s.slug),
    horaires_accueil: ouNull(s.horaires_accueil),
    accessibilite_lieu: ouNull(s.accessibilite_lieu),
    reseaux_porteurs: listeOuNull(s.reseaux_porteurs),
    // data·inclusion wants 5–10,000 characters of text, or null.
    description: s.presentation.length >= 5 ? s.presentation : null,
    date_maj: s.date_maj,
  };
}

export function exporterService(s: Service, o: OptionsExport) {
  return {
    source: s.source,
    id: s.id,
    structure_id: s.structure_id,
    nom: s.nom,
    description: s.description,
    lien_source: s.lien_source ?? o.urlService(s.slug),
    date_maj: s.date_maj,
    type: ouNull(s.type),
    thematiques: [...s.thematiques],
    frais: ouNull(s.frais),
    frais_precisions: ouNull(s.frais_precisions),
    publics: listeOuNull(s.publics),
    publics_precisions: ouNull(s.publics_precisions),
    conditions_acces: ouNull(s.conditions_acces),
    ...adresseExportee(s.lieu),
    telephone: ouNull(s.telephone),
    courriel: ouNull(s.courriel),
    contact_nom_prenom: ouNull(s.contact_nom_prenom),
    modes_accueil: [...s.modes_accueil],
    zone_eligibilite: listeOuNull(s.zone_eligibilite),
    modes_mobilisation: listeOuNull(s.modes_mobilisation),
    mobilisable_par: listeOuNull(s.mobilisable_par),
    lien_mobilisation: ouNull(s.lien_mobilisation),
    mobilisation_precisions: ouNull(s.mobilisation_precisions),
    horaires_accueil: ouNull(s.horaires_accueil),
    volume_horaire_hebdomadaire: ouNull(s.volume_horaire_hebdomadaire),
    nombre_semaines: ouNull(s.nombre_semaines),
  };
}

export function exporterCatalogue(catalogue: Catalogue, o: OptionsExport) {
  return {
    structures: catalogue.structures.map((s) => exporterStructure(s, o)),
    services: catalogue.services.map((s) => exporterService(s, o)),
  };
}

/** A service as published: the data·inclusion v1 record. */
export type EnregistrementService = ReturnType<typeof exporterService>;
/** A structure as published: the data·inclusion v1 record. */
export type EnregistrementStructure = ReturnType<typeof exporterStructure>;
