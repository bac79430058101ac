/** Errors that carry a catalogue message: `.message` is the Chinese text (logs, old callers), `.msg` renders in any language. */
import { m, render, type Message, type MessageKey, type MessageValues } from './index';

export class MessageError extends Error {
  readonly msg: Message;
  constructor(keyOrMessage: MessageKey | Message, values?: MessageValues) {
    const msg = typeof keyOrMessage === 'string' ? m(keyOrMessage, values) : keyOrMessage;
    super(render('zh', msg));
    this.msg = msg;
    this.name = 'MessageError';
  }
}

/** The message of a thrown value: its `Message` when it has one (also across a worker boundary), else its text as data. */
export function messageOfError(e: unknown): Message {
  if (e instanceof MessageError) return e.msg;
  const x = e as { msg?: Message } | null;
  if (x && typeof x === 'object' && x.msg && typeof x.msg.key === 'string') return x.msg;
  return m('engine.text', { text: e instanceof Error ? e.message : String(e) });
}
