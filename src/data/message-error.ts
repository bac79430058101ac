/** An error that carries a catalogue message: `.message` is its Chinese text, `.msg` renders in any language. */
import { render, type Lang, type Message } from '../i18n';

export class MessageError extends Error {
  constructor(readonly msg: Message) {
    super(render('zh', msg));
    this.name = 'MessageError';
  }
}

/** The text of a thrown value in the language (a MessageError's message rendered, else its own text). */
export function errorText(lang: Lang, e: unknown): string {
  if (e instanceof MessageError) return render(lang, e.msg);
  return e instanceof Error ? e.message : String(e);
}
