/**
 * One way to turn a key into text. The engine and the store return `Message`s (a key and
 * values); the UI, the exports and the CLI render them with `msg` / `render`.
 */
import { CATALOGUE } from './catalogue';
import type { Lang } from './types';

export type { Lang, Entry, Entries } from './types';

/** Every key of the catalogue; a typo is a type error. */
export type MessageKey = keyof typeof CATALOGUE;

/** A value filled into `{name}`: plain, another message, or a list of messages (joined 、 / , ). */
export type MessageValue = string | number | Message | readonly Message[];
export type MessageValues = Readonly<Record<string, MessageValue>>;

/** A text still to be rendered in the user's language. */
export interface Message {
  readonly key: MessageKey;
  readonly values?: MessageValues;
}

/** Builds a message (a small helper so call sites read `m('plan.x', { id })`). */
export const m = (key: MessageKey, values?: MessageValues): Message => (values ? { key, values } : { key });

const isMessage = (v: unknown): v is Message => typeof v === 'object' && v !== null && 'key' in v;

function showValue(lang: Lang, v: MessageValue): string {
  if (Array.isArray(v)) return v.map((x: Message) => render(lang, x)).join(lang === 'zh' ? '、' : ', ');
  if (isMessage(v)) return render(lang, v);
  return String(v);
}

/** The text of `key` in `lang` with `{name}` filled from `values`; an unknown key shows as itself. */
export function msg(lang: Lang, key: MessageKey, values: MessageValues = {}): string {
  const e = (CATALOGUE as Record<string, { zh: string; en: string }>)[key];
  const text = e ? e[lang] : key;
  return text.replace(/\{(\w+)\}/g, (_m, k: string) => (k in values ? showValue(lang, values[k]) : `{${k}}`));
}

/** Renders a message. */
export function render(lang: Lang, message: Message): string {
  return msg(lang, message.key, message.values);
}

/** Whether a string is a catalogue key (for data that may hold either a key or free text). */
export function isMessageKey(s: string): s is MessageKey {
  return Object.prototype.hasOwnProperty.call(CATALOGUE, s);
}

/** All keys (tests check every key the engine can return is here). */
export const MESSAGE_KEYS: readonly MessageKey[] = Object.keys(CATALOGUE) as MessageKey[];
