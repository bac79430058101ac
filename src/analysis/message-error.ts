/** Errors of the engine that carry a catalogue message (the UI renders it in the user's language). */
import { m, render, type Message, type MessageKey, type MessageValues } from '../i18n';

/** An error whose text is a `Message`; `message` holds the Chinese text for logs and old callers. */
export class MessageError extends RangeError {
  readonly msg: Message;
  constructor(key: MessageKey, values?: MessageValues) {
    const msg = m(key, values);
    super(render('zh', msg));
    this.msg = msg;
    this.name = 'MessageError';
  }
}

/** The message of an error: its `Message` when it has one, else its text. */
export function messageOfError(e: unknown): Message {
  if (e instanceof MessageError) return e.msg;
  const x = e as { msg?: Message } | null;
  if (x && typeof x === 'object' && x.msg && typeof x.msg.key === 'string') return x.msg;
  return m('engine.text', { text: e instanceof Error ? e.message : String(e) });
}
