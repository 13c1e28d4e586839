/**
 * The words of the synthetic national dump: structure kinds and their names, service names and
 * description sentences by data·inclusion category, opening hours (valid OSM ones and the free text
 * producers also send), contacts. In the spirit of the demonstration catalogue, with no commune of
 * its own: the slots are filled with the record's commune and département.
 *
 * Slots: {commune}, {de_commune} ("de Niort", "d'Angers", "du Mans"), {a_commune} ("à Niort", "au Mans"),
 * {departement}, {du_departement} ("de la Vienne", "des Deux-Sèvres"), {structure}.
 */

export interface GenreStructure {
  /** data·inclusion reseau porteur, when the kind has one. */
  reseau?: string;
  /** Name templates. */
  noms: readonly string[];
  /** Relative frequency among all structures. */
  poids: number;
  /** Categories its services mostly address. */
  categories: readonly string[];
  /** Two or three sentences presenting it. */
  presentation: readonly string[];
}

export const GENRES_STRUCTURES: readonly GenreStructure[] = [
  {
    reseau: "ccas-cias",
    noms: ["CCAS {de_commune}", "Centre communal d'action sociale {de_commune}", "CCAS – Mairie {de_commune}"],
    poids: 10,
    categories: ["difficultes-administratives-ou-juridiques", "difficultes-financieres", "equipement-et-alimentation", "logement-hebergement"],
    presentation: [
      "Le centre communal d'action sociale {de_commune} accueille les habitants pour toute question d'aide sociale, d'accès aux droits et de soutien dans les démarches du quotidien.",
      "Il instruit les demandes d'aide sociale légale et facultative, la domiciliation et les dossiers de secours d'urgence.",
      "Le CCAS travaille avec les services du Département {du_departement}, la Caf et les associations caritatives de la commune.",
    ],
  },
  {
    reseau: "mission-locale",
    noms: ["Mission locale {de_commune}", "Mission locale du bassin {de_commune}", "Mission locale – antenne {de_commune}"],
    poids: 4,
    categories: ["trouver-un-emploi", "preparer-sa-candidature", "choisir-un-metier", "se-former", "mobilite", "logement-hebergement"],
    presentation: [
      "La mission locale accompagne les jeunes de 16 à 25 ans sortis du système scolaire dans leur insertion professionnelle et sociale.",
      "Un conseiller ou une conseillère suit chaque jeune dans la durée : orientation, formation, emploi, mais aussi logement, santé et mobilité.",
      "Elle met en œuvre le Contrat d'engagement jeune (CEJ) et le Parcours d'accompagnement contractualisé vers l'emploi et l'autonomie (PACEA).",
    ],
  },
  {
    reseau: "france-travail",
    noms: ["France Travail {commune}", "Agence France Travail {de_commune}", "France Travail {commune} Centre"],
    poids: 3,
    categories: ["trouver-un-emploi", "preparer-sa-candidature", "choisir-un-metier", "se-former", "creer-une-entreprise"],
    presentation: [
      "L'agence France Travail {de_commune} accueille les demandeurs d'emploi et les entreprises du bassin.",
      "Les conseillers accompagnent la recherche d'emploi, le projet de formation et l'indemnisation ; l'accueil se fait sur rendez-vous l'après-midi.",
    ],
  },
  {
    reseau: "france-service",
    noms: ["France services {de_commune}", "Espace France services {commune}", "France services – {commune}"],
    poids: 6,
    categories: ["difficultes-administratives-ou-juridiques", "numerique"],
    presentation: [
      "L'espace France services {de_commune} aide les habitants dans leurs démarches administratives : impôts, retraite, santé, famille, emploi, logement.",
      "Deux agents formés accueillent sans rendez-vous et accompagnent l'utilisation des services en ligne sur les postes en libre accès.",
    ],
  },
  {
    reseau: "maisons-des-solidarites",
    noms: ["Maison des solidarités {de_commune}", "Maison départementale des solidarités {de_commune}", "Espace départemental des solidarités – {commune}"],
    poids: 3,
    categories: ["famille", "difficultes-financieres", "logement-hebergement", "difficultes-administratives-ou-juridiques", "sante"],
    presentation: [
      "Service du Département {du_departement}, la maison des solidarités réunit assistants de service social, conseillers en économie sociale et familiale, puéricultrices et sages-femmes de PMI.",
      "Elle accueille toute personne rencontrant des difficultés sociales, familiales ou financières.",
    ],
  },
  {
    reseau: "secours-populaire",
    noms: ["Secours populaire français – comité {de_commune}", "Secours populaire {de_commune}"],
    poids: 3,
    categories: ["equipement-et-alimentation", "remobilisation"],
    presentation: [
      "Le comité {de_commune} du Secours populaire français apporte une aide alimentaire, vestimentaire et un accès aux vacances et à la culture.",
      "Les bénévoles reçoivent les familles orientées par les travailleurs sociaux ou venues d'elles-mêmes.",
    ],
  },
  {
    reseau: "restos-du-coeur",
    noms: ["Restos du cœur – centre {de_commune}", "Les Restaurants du cœur {de_commune}"],
    poids: 3,
    categories: ["equipement-et-alimentation", "remobilisation", "numerique"],
    presentation: [
      "Le centre des Restos du cœur {de_commune} distribue des repas et des colis pendant la campagne d'hiver et, pour les familles les plus en difficulté, toute l'année.",
      "Des bénévoles proposent aussi un accompagnement : coiffure, ateliers de français, aide aux démarches, accès à la culture.",
    ],
  },
  {
    reseau: "croix-rouge",
    noms: ["Croix-Rouge française – unité locale {de_commune}", "Croix-Rouge {de_commune}"],
    poids: 2,
    categories: ["equipement-et-alimentation", "sante", "remobilisation"],
    presentation: [
      "L'unité locale de la Croix-Rouge française {de_commune} mène des actions d'aide alimentaire, de vestiboutique et de maraude.",
      "Elle forme aussi aux premiers secours et accompagne les personnes isolées.",
    ],
  },
  {
    reseau: "aci",
    noms: ["Atelier chantier d'insertion {nom}", "Les Jardins {de_commune}", "Chantier d'insertion {nom} – {commune}", "Ressourcerie {nom}"],
    poids: 5,
    categories: ["trouver-un-emploi", "remobilisation", "mobilite"],
    presentation: [
      "L'atelier chantier d'insertion emploie des personnes éloignées de l'emploi en contrat à durée déterminée d'insertion, de 4 à 24 mois.",
      "Maraîchage biologique, entretien d'espaces verts, réemploi : chaque salarié est accompagné par une chargée d'insertion professionnelle et un encadrant technique.",
      "Les recrutements se font sur orientation de France Travail, de la mission locale ou des référents RSA.",
    ],
  },
  {
    reseau: "ei",
    noms: ["Entreprise d'insertion {nom}", "{nom} Services – entreprise d'insertion"],
    poids: 2,
    categories: ["trouver-un-emploi", "preparer-sa-candidature"],
    presentation: [
      "Entreprise d'insertion du secteur du bâtiment et de la propreté, elle embauche des salariés en parcours et les accompagne vers un emploi durable.",
      "Les postes sont ouverts aux personnes éligibles au parcours d'insertion par l'activité économique.",
    ],
  },
  {
    reseau: "ai",
    noms: ["Association intermédiaire {nom}", "{nom} Emplois services"],
    poids: 2,
    categories: ["trouver-un-emploi"],
    presentation: [
      "L'association intermédiaire met à disposition de particuliers, d'associations et d'entreprises des personnes en recherche d'emploi, pour des missions de quelques heures à plusieurs semaines.",
      "Chaque salarié bénéficie d'un suivi individuel et de formations.",
    ],
  },
  {
    reseau: "conseillers-numeriques",
    noms: ["Espace public numérique {de_commune}", "Médiathèque {de_commune}", "Tiers-lieu numérique {nom}", "Conseiller numérique – {commune}"],
    poids: 8,
    categories: ["numerique", "difficultes-administratives-ou-juridiques"],
    presentation: [
      "Lieu de médiation numérique, il propose un accès libre à des ordinateurs, des ateliers collectifs et un accompagnement individuel aux usages du numérique.",
      "Un conseiller numérique aide à prendre en main un ordinateur, un smartphone ou une tablette et à réaliser ses démarches en ligne.",
    ],
  },
  {
    reseau: "fcsf",
    noms: ["Centre social {nom}", "Centre socioculturel {de_commune}", "Espace de vie sociale {nom}"],
    poids: 5,
    categories: ["famille", "remobilisation", "numerique", "lecture-ecriture-calcul"],
    presentation: [
      "Le centre social est un lieu d'accueil, d'animation et de services ouvert à tous les habitants du quartier et de la commune.",
      "Il propose des activités pour les familles, un accueil de loisirs, des ateliers sociolinguistiques et des permanences de partenaires.",
    ],
  },
  {
    reseau: "cidff",
    noms: ["CIDFF {du_departement}", "Centre d'information sur les droits des femmes et des familles {du_departement}"],
    poids: 1,
    categories: ["difficultes-administratives-ou-juridiques", "famille", "trouver-un-emploi"],
    presentation: [
      "Le CIDFF informe gratuitement et confidentiellement sur le droit de la famille, le droit du travail et les violences faites aux femmes.",
      "Il accompagne aussi vers l'emploi les femmes éloignées du marché du travail.",
    ],
  },
  {
    reseau: "points-conseil-budget",
    noms: ["Point conseil budget {de_commune}", "Point conseil budget – {nom}"],
    poids: 1,
    categories: ["difficultes-financieres"],
    presentation: [
      "Le point conseil budget aide gratuitement toute personne qui rencontre des difficultés pour gérer son budget ou faire face à une baisse de revenus.",
      "Il accompagne le dépôt d'un dossier de surendettement et la négociation avec les créanciers.",
    ],
  },
  {
    reseau: "residences-fjt",
    noms: ["Résidence habitat jeunes {nom}", "Foyer de jeunes travailleurs {de_commune}"],
    poids: 1,
    categories: ["logement-hebergement", "remobilisation"],
    presentation: [
      "La résidence habitat jeunes loge des jeunes de 16 à 30 ans en formation, en stage ou en emploi, pour quelques semaines à deux ans.",
      "Une équipe socio-éducative accompagne chaque résident vers le logement autonome.",
    ],
  },
  {
    reseau: "chrs",
    noms: ["CHRS {nom}", "Centre d'hébergement et de réinsertion sociale {nom}"],
    poids: 1,
    categories: ["logement-hebergement", "sante", "remobilisation"],
    presentation: [
      "Le centre d'hébergement et de réinsertion sociale accueille des personnes et des familles sans logement, orientées par le SIAO.",
      "L'équipe accompagne vers les soins, l'emploi et le logement.",
    ],
  },
  {
    reseau: "csapa",
    noms: ["CSAPA {de_commune}", "Centre de soins en addictologie {nom}"],
    poids: 1,
    categories: ["sante"],
    presentation: [
      "Le centre de soins, d'accompagnement et de prévention en addictologie reçoit gratuitement et anonymement les personnes en difficulté avec l'alcool, le tabac, le cannabis, les jeux ou d'autres produits, et leur entourage.",
    ],
  },
  {
    reseau: "ecoles-de-la-deuxieme-chance",
    noms: ["École de la deuxième chance {de_commune}", "E2C {commune}"],
    poids: 1,
    categories: ["se-former", "choisir-un-metier", "lecture-ecriture-calcul"],
    presentation: [
      "L'école de la deuxième chance accueille les jeunes de 16 à 25 ans sans diplôme ni qualification pour un parcours de plusieurs mois alternant remise à niveau et stages en entreprise.",
    ],
  },
  {
    reseau: "cap-emploi-reseau-cheops",
    noms: ["Cap emploi {du_departement}", "Cap emploi – antenne {de_commune}"],
    poids: 1,
    categories: ["trouver-un-emploi", "sante", "se-former"],
    presentation: [
      "Cap emploi accompagne les personnes en situation de handicap dans leur recherche d'emploi et les salariés dont le handicap menace le maintien dans l'emploi.",
    ],
  },
  {
    reseau: "caf",
    noms: ["Caf {du_departement} – accueil {de_commune}", "Caisse d'allocations familiales {du_departement}"],
    poids: 1,
    categories: ["famille", "logement-hebergement", "difficultes-financieres"],
    presentation: [
      "La caisse d'allocations familiales verse les prestations familiales, les aides au logement, le RSA et la prime d'activité.",
      "Ses travailleurs sociaux accompagnent les familles confrontées à un événement de vie : naissance, séparation, décès, impayés de loyer.",
    ],
  },
  {
    reseau: "mjc",
    noms: ["MJC {de_commune}", "Maison des jeunes et de la culture {nom}"],
    poids: 1,
    categories: ["remobilisation", "numerique"],
    presentation: ["La maison des jeunes et de la culture propose des activités culturelles, sportives et citoyennes ouvertes à tous, avec des tarifs selon le quotient familial."],
  },
  {
    noms: ["Association {nom}", "{nom}", "Association {nom} {de_commune}", "{nom} – {commune}"],
    poids: 14,
    categories: [
      "remobilisation", "mobilite", "lecture-ecriture-calcul", "famille", "equipement-et-alimentation", "logement-hebergement",
      "numerique", "creer-une-entreprise", "souvrir-a-linternational", "sante",
    ],
    presentation: [
      "L'association, créée par des habitants {de_commune}, agit depuis plus de vingt ans pour l'insertion sociale et professionnelle des personnes en difficulté.",
      "Ses bénévoles et salariés proposent un accueil, des ateliers et un accompagnement individuel.",
      "Elle est soutenue par la commune, le Département {du_departement} et l'État.",
    ],
  },
];

/** Names of associations, places and projects (some with accents and apostrophes). */
export const NOMS_PROPRES: readonly string[] = [
  "Le Relais", "Trait d'Union", "Passerelle", "Tremplin", "L'Escale", "Le Pont", "Cap Avenir", "Entraide", "Les Compagnons",
  "Ô Jardins", "La Clé", "Envol", "Les Ateliers du Bocage", "Horizons", "La Boussole", "Solidarité Partage", "Le Phare",
  "Accueil et Partage", "L'Éclaircie", "Les Tilleuls", "La Fabrique", "Regain", "Bourgeons", "Cocagne", "Les Glaneurs",
  "Agir Ensemble", "Le Lien", "La Ruche", "Cœur de Bourg", "Élan", "Tisserands", "L'Atelier Vélo", "Roule ma Poule",
  "Les Petits Débrouillards", "Famille Plus", "Mosaïque", "Arc-en-ciel", "Les Ailes", "Quartiers Nord", "Rivages",
  "La Main Tendue", "Récup'Art", "Emmaüs Solidarité", "Le Grenier", "Val'Emploi", "Synergie", "Chrysalide", "L'Olivier",
];

/** Service names by type; « {besoin} » is the need's label, lower-cased after the first word. */
export const NOMS_SERVICES_PAR_TYPE: Readonly<Record<string, readonly string[]>> = {
  accompagnement: ["Accompagnement : {besoin}", "Accompagnement individuel – {besoin}", "{Besoin} : suivi personnalisé", "Suivi renforcé – {besoin}"],
  atelier: ["Atelier « {besoin} »", "Atelier collectif : {besoin}", "Ateliers {de_commune} – {besoin}"],
  information: ["Permanence d'information – {besoin}", "Point info : {besoin}", "{Besoin} : information et orientation"],
  "aide-financiere": ["Aide financière – {besoin}", "Fonds d'aide : {besoin}", "{Besoin} : aide financière ponctuelle"],
  "aide-materielle": ["{Besoin} : aide matérielle", "Aide matérielle – {besoin}", "Distribution solidaire – {besoin}"],
  formation: ["Formation – {besoin}", "Parcours de formation : {besoin}", "{Besoin} : formation courte"],
};

/** Well-known programmes, by category: used as names now and then. */
export const PROGRAMMES: Readonly<Record<string, readonly string[]>> = {
  "trouver-un-emploi": ["Contrat d'engagement jeune (CEJ)", "Job dating de l'insertion", "Parcours emploi compétences", "Club de recherche d'emploi"],
  "preparer-sa-candidature": ["Atelier CV et lettre de motivation", "Préparer ses entretiens d'embauche", "Simulation d'entretien filmée"],
  "choisir-un-metier": ["Période de mise en situation en milieu professionnel (PMSMP)", "Découverte des métiers de l'industrie", "Bilan de compétences"],
  "se-former": ["Prépa compétences", "Formation pré-qualifiante aux métiers du soin", "Financer sa formation avec le CPF"],
  "creer-une-entreprise": ["Microcrédit professionnel", "Couveuse d'entreprises", "Permanence création-reprise d'entreprise"],
  "difficultes-administratives-ou-juridiques": ["Domiciliation administrative", "Permanence d'accès aux droits", "Aide aux démarches en ligne", "Écrivain public"],
  "difficultes-financieres": ["Microcrédit personnel", "Point conseil budget", "Aide au dossier de surendettement"],
  "equipement-et-alimentation": ["Épicerie solidaire", "Vestiboutique", "Distribution de colis alimentaires", "Jardin partagé"],
  famille: ["Lieu d'accueil enfants-parents", "Halte-garderie solidaire", "Médiation familiale", "Soutien aux aidants familiaux"],
  "lecture-ecriture-calcul": ["Ateliers sociolinguistiques", "Cours de français langue étrangère", "Savoirs de base : lire, écrire, compter"],
  "logement-hebergement": ["Accompagnement social lié au logement (ASLL)", "Hébergement d'urgence", "Permanence de l'ADIL", "Fonds de solidarité logement"],
  mobilite: ["Permis B accompagné", "Location solidaire de véhicules", "Garage solidaire", "Plateforme mobilité", "Vélos en prêt"],
  numerique: ["Pass numérique", "Ordinateurs reconditionnés à prix solidaire", "Initiation à l'informatique", "Accès libre à Internet"],
  remobilisation: ["Ateliers de remobilisation", "Sorties culturelles solidaires", "Groupe de parole", "Bénévolat accompagné"],
  sante: ["Consultations jeunes consommateurs", "Point écoute santé", "Permanence d'accès aux soins de santé (PASS)", "Bilan de santé gratuit"],
  "souvrir-a-linternational": ["Volontariat européen", "Mobilité internationale des jeunes", "Accompagnement au retour en France"],
};

/** Description sentences by category. */
export const PHRASES_PAR_CATEGORIE: Readonly<Record<string, readonly string[]>> = {
  "choisir-un-metier": [
    "Le service aide à découvrir des métiers qui recrutent près de chez soi, par des visites d'entreprises et des rencontres avec des professionnels.",
    "Une immersion de quelques jours en entreprise permet de vérifier que le métier correspond à ses attentes et à ses capacités.",
    "Le conseiller fait le point sur les compétences acquises, y compris hors emploi : bénévolat, vie de famille, loisirs.",
    "Des tests d'intérêts professionnels et des ateliers de découverte aident à choisir une orientation réaliste.",
    "Les secteurs qui recrutent sur le bassin sont présentés avec leurs conditions de travail et leurs salaires.",
  ],
  "creer-une-entreprise": [
    "Le porteur de projet est accompagné de l'idée au démarrage : étude de marché, prévisionnel financier, choix du statut.",
    "Un prêt d'honneur sans intérêt ni garantie peut compléter le financement bancaire.",
    "Des réunions d'information collectives ont lieu chaque mois ; l'accompagnement individuel se fait ensuite sur rendez-vous.",
    "Après la création, un suivi de trois ans aide à consolider l'activité.",
  ],
  "difficultes-administratives-ou-juridiques": [
    "Les agents aident à constituer les dossiers : retraite, prestations familiales, carte grise, titre de séjour, impôts.",
    "Un juriste reçoit gratuitement pour informer sur les droits et orienter vers le bon interlocuteur.",
    "La domiciliation permet aux personnes sans domicile stable de recevoir leur courrier et de faire valoir leurs droits.",
    "L'accompagnement aux démarches en ligne se fait avec la personne, jamais à sa place, pour qu'elle gagne en autonomie.",
    "Il faut apporter une pièce d'identité, ses identifiants s'ils existent et les courriers reçus.",
    "Les permanences du conciliateur de justice et du défenseur des droits ont lieu une fois par mois.",
  ],
  "difficultes-financieres": [
    "Une conseillère fait le point sur le budget, les dettes et les droits qui ne sont pas encore ouverts.",
    "Le microcrédit personnel finance un projet d'insertion (permis, véhicule, formation) pour les personnes exclues du crédit bancaire.",
    "En cas de surendettement, le service aide à monter le dossier auprès de la Banque de France et suit la procédure.",
    "Des ateliers collectifs abordent les économies d'énergie, les contrats d'assurance et les démarchages abusifs.",
    "Une aide financière ponctuelle peut être accordée après évaluation par un travailleur social.",
  ],
  "equipement-et-alimentation": [
    "L'épicerie solidaire propose des produits alimentaires et d'hygiène à 10 à 30 % de leur prix, pour une durée limitée.",
    "L'accès se fait sur orientation d'un travailleur social, selon le reste à vivre du foyer.",
    "La vestiboutique vend des vêtements de seconde main pour toute la famille à petits prix, ouverte à tous.",
    "Les colis alimentaires sont distribués chaque semaine ; un justificatif de ressources est demandé à l'inscription.",
    "Des meubles et de l'électroménager d'occasion sont proposés aux ménages qui entrent dans un logement.",
  ],
  famille: [
    "Les parents peuvent venir avec leurs enfants de moins de six ans, sans inscription, pour jouer, rencontrer d'autres familles et échanger avec des professionnelles.",
    "La médiation familiale aide les parents qui se séparent à organiser la vie des enfants et à apaiser les conflits.",
    "Les places en crèche réservées aux parents en insertion permettent de suivre une formation ou de reprendre un emploi.",
    "Les aidants trouvent écoute, information et temps de répit ; des groupes de parole se réunissent une fois par mois.",
    "Les victimes de violences conjugales sont reçues en toute confidentialité et orientées vers une mise à l'abri si nécessaire.",
  ],
  "lecture-ecriture-calcul": [
    "Les ateliers s'adressent aux adultes qui veulent améliorer leur français à l'oral et à l'écrit pour la vie quotidienne et l'emploi.",
    "Un positionnement individuel permet de rejoindre un groupe de niveau ; les cours ont lieu deux matinées par semaine.",
    "Les personnes en situation d'illettrisme sont accompagnées en petit groupe, avec des supports issus de la vie courante.",
    "Le calcul est travaillé à partir de situations concrètes : budget, courses, fiche de paie.",
  ],
  "logement-hebergement": [
    "Le service informe sur l'accès au logement social, les aides au logement et les droits des locataires.",
    "Une travailleuse sociale accompagne l'installation : ouverture des compteurs, assurance habitation, gestion du budget logement.",
    "En cas d'impayés de loyer, un accompagnement est proposé pour éviter l'expulsion et négocier un plan d'apurement avec le bailleur.",
    "Les personnes sans solution d'hébergement peuvent appeler le 115, joignable jour et nuit.",
    "La demande de logement social peut être faite en ligne ou au guichet enregistreur, avec l'aide d'un agent.",
  ],
  mobilite: [
    "La plateforme mobilité fait un diagnostic des besoins et propose des solutions : transport à la demande, covoiturage, location de véhicule, permis.",
    "Des voitures et des scooters sont loués à tarif solidaire pour se rendre à un emploi, une formation ou un entretien.",
    "Le garage solidaire répare les véhicules des personnes à faibles ressources ; la main-d'œuvre est facturée selon les revenus.",
    "L'auto-école sociale adapte le rythme des leçons et accompagne l'apprentissage du code.",
    "Une aide au financement du permis peut être mobilisée avec France Travail ou la mission locale.",
  ],
  numerique: [
    "Les ateliers d'initiation apprennent à utiliser un ordinateur, une messagerie et les principaux sites administratifs.",
    "Un poste informatique, une imprimante et un scanner sont en libre accès pendant les heures d'ouverture.",
    "Des ordinateurs reconditionnés sont vendus à prix solidaire aux personnes orientées par un travailleur social.",
    "Le Pass numérique donne droit à des heures d'accompagnement gratuites dans les lieux partenaires.",
    "L'accompagnement se fait sur rendez-vous, en individuel, pour avancer à son rythme.",
  ],
  "preparer-sa-candidature": [
    "Les ateliers aident à rédiger un CV clair et des lettres adaptées à chaque offre.",
    "Des simulations d'entretien, filmées si on le souhaite, préparent aux questions des recruteurs.",
    "Le conseiller aide à organiser sa recherche : cibler les entreprises, suivre ses candidatures, relancer.",
    "Une tenue adaptée peut être prêtée pour un entretien d'embauche.",
  ],
  remobilisation: [
    "Les ateliers collectifs permettent de reprendre confiance en soi, de retrouver un rythme et de rompre l'isolement.",
    "Des sorties culturelles et sportives sont organisées chaque mois, à tarif réduit ou gratuites.",
    "Les participants construisent ensemble des projets : jardin partagé, repas solidaires, chantiers bénévoles.",
    "Une socio-esthéticienne propose des séances de soin et d'image de soi.",
  ],
  sante: [
    "Une infirmière et un médecin reçoivent sans avance de frais les personnes sans couverture santé ou en difficulté d'accès aux soins.",
    "Le service aide à ouvrir ses droits à la complémentaire santé solidaire et à trouver un médecin traitant.",
    "Des psychologues proposent une écoute et un accompagnement, gratuitement et sans condition de ressources.",
    "Le dossier MDPH est préparé avec la personne : certificats, projet de vie, pièces justificatives.",
    "Les consultations sont anonymes et gratuites ; l'entourage peut aussi être reçu.",
  ],
  "se-former": [
    "Le conseiller en formation présente l'offre de formation du territoire et les financements possibles.",
    "La formation alterne cours en centre et stages en entreprise, sur quatre à huit mois.",
    "Une remise à niveau en français, mathématiques et bureautique prépare l'entrée en formation qualifiante.",
    "La rémunération pendant la formation dépend de la situation : allocation de France Travail, rémunération de la Région.",
  ],
  "souvrir-a-linternational": [
    "Les jeunes de 18 à 30 ans peuvent partir en stage ou en volontariat dans un autre pays européen, avec une bourse.",
    "Le service informe sur les démarches pour travailler à l'étranger : visa, couverture sociale, reconnaissance des diplômes.",
    "Les personnes de retour en France sont aidées pour réouvrir leurs droits et trouver un logement.",
  ],
  "trouver-un-emploi": [
    "Le service met en relation avec des employeurs qui recrutent et accompagne pendant les premiers mois dans l'emploi.",
    "Les salariés en parcours d'insertion signent un contrat de 26 heures par semaine, rémunéré au SMIC.",
    "Des job datings réunissent chaque mois des entreprises du territoire et des candidats accompagnés.",
    "Le conseiller aide à repérer les offres, à répondre et à préparer les entretiens.",
    "Un accompagnement intensif de six mois est proposé aux personnes qui cherchent un emploi depuis plus d'un an.",
  ],
};

/** Sentences that fit any service. */
export const PHRASES_COMMUNES: readonly string[] = [
  "L'accueil se fait sur rendez-vous, par téléphone ou directement sur place aux horaires d'ouverture.",
  "Le service est proposé {a_commune} et dans les communes voisines, lors de permanences régulières.",
  "Les personnes peuvent venir d'elles-mêmes ou être orientées par un travailleur social, France Travail ou la mission locale.",
  "Un premier entretien permet de faire le point sur la situation et de définir ensemble les étapes de l'accompagnement.",
  "L'équipe travaille en lien avec les partenaires du territoire pour apporter une réponse globale.",
  "Le service est gratuit et confidentiel.",
  "Les locaux sont accessibles aux personnes à mobilité réduite.",
  "Un interprète peut être sollicité pour les personnes qui ne parlent pas français.",
  "La durée de l'accompagnement dépend des besoins de chaque personne, de quelques semaines à plusieurs mois.",
  "Il est conseillé d'apporter ses justificatifs lors du premier rendez-vous.",
  "Les ateliers se déroulent en petits groupes de six à dix personnes.",
  "Une participation symbolique peut être demandée selon les ressources.",
  "En dehors des permanences, l'équipe répond aux messages dans un délai de 48 heures.",
  "Le service est financé par le Département {du_departement}, l'État et les communes partenaires.",
  "Les professionnels qui souhaitent orienter une personne peuvent contacter directement {structure}.",
  "Les horaires peuvent changer pendant les vacances scolaires : mieux vaut appeler avant de se déplacer.",
  "Un bilan est fait avec la personne à la fin de l'accompagnement, puis trois mois plus tard.",
  "Le lieu est desservi par les transports en commun ; un parking gratuit se trouve à proximité.",
  "Les personnes accompagnées par {structure} gardent le même interlocuteur tout au long du parcours.",
  "L'inscription se fait auprès de l'accueil {de_commune} ou par courriel.",
  "Les enfants peuvent être accueillis pendant les ateliers, sur demande.",
  "Les informations échangées restent confidentielles et ne sont partagées qu'avec l'accord de la personne.",
  "Des permanences délocalisées ont lieu dans les mairies du secteur, une demi-journée par mois.",
  "Le service s'adresse aux habitants {du_departement}, quelle que soit leur situation.",
];

/** Items of bulleted lists. */
export const ELEMENTS_DE_LISTE: readonly string[] = [
  "une pièce d'identité ou un titre de séjour", "un justificatif de domicile de moins de trois mois", "le dernier avis d'imposition",
  "les trois derniers bulletins de salaire", "l'attestation de la Caf", "un relevé d'identité bancaire", "la carte Vitale",
  "un CV, même incomplet", "la notification de la MDPH", "le courrier du bailleur", "le numéro d'identifiant France Travail",
  "un accueil individuel", "des ateliers collectifs", "un suivi après l'entrée en emploi", "une aide aux déplacements",
];

export const CONDITIONS: readonly string[] = [
  "Être inscrit comme demandeur d'emploi.", "Habiter la commune ou la communauté de communes.", "Avoir entre 16 et 25 ans.",
  "Être bénéficiaire du RSA ou de l'ASS.", "Sur orientation d'un travailleur social.", "Aucune condition : ouvert à tous.",
  "Avoir une reconnaissance de la qualité de travailleur handicapé (RQTH).", "Justifier de ressources inférieures au barème de l'épicerie (reste à vivre).",
  "Être éligible au parcours d'insertion par l'activité économique.", "Savoir se déplacer jusqu'au lieu des ateliers.",
];

export const PRECISIONS_PUBLICS: readonly string[] = [
  "Jeunes de 16 à 25 ans sortis du système scolaire.", "Femmes victimes de violences et leurs enfants.", "Personnes isolées de plus de 60 ans.",
  "Familles monoparentales.", "Personnes allocataires des minima sociaux.", "Demandeurs d'emploi de longue durée.", "Personnes réfugiées ou bénéficiaires de la protection subsidiaire.",
];

export const PRECISIONS_MOBILISATION: readonly string[] = [
  "Le professionnel remplit la fiche de liaison et l'envoie par courriel ; un rendez-vous est proposé sous quinze jours.",
  "La personne peut se présenter directement lors des permanences, sans rendez-vous.",
  "Prendre rendez-vous par téléphone du lundi au vendredi.",
  "L'inscription se fait en ligne ; en cas de difficulté, l'accueil aide à remplir le formulaire.",
  "Orientation par le référent RSA, la mission locale ou France Travail, via la plateforme de l'inclusion.",
];

export const PRECISIONS_FRAIS: readonly string[] = [
  "Adhésion annuelle de 10 €.", "Participation de 2 € par atelier.", "10 à 30 % du prix en magasin.", "Tarif selon le quotient familial.",
  "Location à 5 € par jour, assurance comprise.", "Main-d'œuvre facturée selon les revenus du foyer.",
];

/** Valid OSM opening_hours, as the producers that follow the schema write them. */
export const HORAIRES_VALIDES: readonly string[] = [
  "Mo-Fr 09:00-12:00,14:00-17:00", "Mo-Fr 08:30-12:30,13:30-17:00", "Mo-Fr 09:00-12:30,13:30-17:30", "Mo-Th 09:00-12:30,13:30-17:30; Fr 09:00-12:30",
  "Mo-We 08:30-16:30; Th 08:30-12:30; Fr 08:30-15:30", "Tu,Th 09:00-12:00", "Tu,Th 14:00-18:00; Sa 09:30-12:00", "We 14:00-17:00", "Mo 14:00-17:00",
  "We[2,4] 14:00-17:00", "We[1,3] 09:00-12:00", "24/7", "Mo-Fr 08:00-18:00; PH off", "Mo-Sa 10:00-12:30,14:00-18:00", "Th 09:00-12:30",
  "Mo,We,Fr 09:00-12:00", "Tu-Sa 10:00-12:00,14:00-18:00; Su,Mo off", "Mo-Fr 09:00-17:00; Sa 09:00-12:00",
];

/** What some producers send instead of OSM syntax (not valid opening_hours). */
export const HORAIRES_INVALIDES: readonly string[] = [
  "Du lundi au vendredi de 9h à 12h et de 14h à 17h", "9h-12h / 14h-17h", "Lundi : 9:00-12:00 ; mardi : fermé", "Sur rendez-vous uniquement",
  "Tous les matins sauf le mercredi", "Lu-Ve 9h-17h", "Mo-Fr 9h-12h",
];

export const PRENOMS: readonly string[] = [
  "Camille", "Nadia", "Julien", "Sophie", "Karim", "Élodie", "Thomas", "Fatou", "Hélène", "Mathieu", "Inès", "François", "Léa", "Yannick", "Aïcha", "Gaëlle",
];
export const NOMS_DE_FAMILLE: readonly string[] = [
  "Martin", "Bernard", "Dubois", "Lefèvre", "Moreau", "Benali", "Girard", "Nguyen", "Faure", "Rousseau", "Diallo", "Lemoine", "Bonnet", "Fontaine", "Ménard", "Perrin",
];

/** Words for local ids of sources that use slugs (DORA's style). */
export const MOTS_IDENTIFIANTS: readonly string[] = [
  "be", "water", "scene", "wind", "stone", "light", "river", "field", "cloud", "maple", "amber", "orbit", "pine", "delta", "echo", "lumen",
];
