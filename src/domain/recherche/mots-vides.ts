/**
 * French stop words, in their normalised form (`normaliser` from text.ts: lower-case, no accents):
 * words that say nothing about what a service does, dropped from the text index and from queries.
 * Deliberately short of domain words ("aide", "accompagnement" are what people type).
 */
const LISTE = `
a ai aie aient aies ait afin ainsi alors apres as au aucun aucune aupres auquel aussi autant autre autres aux auxquelles auxquels avaient avais avait avant avec avez aviez avions avoir avons ayant
c ca car ce ceci cela celle celles celui cependant ces cet cette ceux chacun chacune chaque chez ci comme comment
d dans de dela depuis des desquelles desquels dessous dessus deux doit doivent donc dont du duquel durant
elle elles en encore entre es est et etaient etais etait etant ete etes etiez etions etre eu eux
fait faire fais faut fois font grace
hors ici il ils j je jusqu jusque
l la laquelle le lequel les lesquelles lesquels leur leurs lors lorsqu lorsque lui
m ma mais me meme memes mes moi moins mon
n ne ni non nos notre nous
on ont ou oui outre
par parce parfois pas pendant peu peut peuvent peux plus plusieurs pour pourquoi pourra pourront puis puisqu puisque
qu quand que quel quelle quelles quelqu quelque quelques quels qui quoi
s sa sans se selon sera serai seraient serait seront ses si sien sienne soi soit sommes son sont sous suis sur
t ta tandis te tel telle telles tels tes toi ton tous tout toute toutes tres tu
un une unes uns
via voici voila vont vos votre vous vu y
`;

export const MOTS_VIDES: ReadonlySet<string> = new Set(LISTE.split(/\s+/).filter(Boolean));

export function estMotVide(mot: string): boolean {
  return MOTS_VIDES.has(mot);
}
