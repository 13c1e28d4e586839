/**
 * A polite live region for an island's announcements. Rendered empty from the start (a live region
 * must exist before it speaks); the same message said twice is still announced (a fresh key).
 */
export interface MessageAnnonce {
  texte: string;
  /** Changes at each announcement, so that a repeated message is spoken again. */
  n: number;
}

export default function Annonce({ message }: { message: MessageAnnonce | undefined }) {
  return (
    <span className="visually-hidden" role="status" aria-live="polite">
      {message && <span key={message.n}>{message.texte}</span>}
    </span>
  );
}

/** The next message to announce after `avant`. */
export function annoncer(avant: MessageAnnonce | undefined, texte: string): MessageAnnonce {
  return { texte, n: (avant?.n ?? 0) + 1 };
}
