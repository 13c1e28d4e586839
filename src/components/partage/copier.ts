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
