/** Copies a text to the clipboard: the Clipboard API, else a selected text field (older browsers, plain http). */
export async function copierTexte(texte: string): Promise<boolean> {
  try {
    await navigator.clipboard.writeText(texte);
    return true;
  } catch {
    const champ = document.createElement("textarea");
    champ.value = texte;
    champ.setAttribute("readonly", "");
    champ.style.position = "fixed";
    champ.style.opacity = "0";
    document.body.append(champ);
    champ.select();
    let ok = false;
    try {
      ok = document.execCommand("copy");
    } catch {
      ok = false;
    }
    champ.remove();
    return ok;
  }
}

/** Copies a link and says what to announce: done, or how to copy it by hand. */
export async function copierLien(lien: string): Promise<{ copie: boolean; message: string }> {
  const copie = await copierTexte(lien);
  return { copie, message: copie ? "Lien copié dans le presse-papiers." : `Le lien n'a pas pu être copié : sélectionnez-le et copiez-le (${lien}).` };
}
