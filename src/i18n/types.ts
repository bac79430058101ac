/** The two languages of the app: Chinese first, English as a switch. */
export type Lang = 'zh' | 'en';

/** One text in both languages; `{name}` marks a value filled in at render time. */
export interface Entry {
  readonly zh: string;
  readonly en: string;
}

/** A catalogue part: key → texts. Keys are dotted by domain (`plan.…`, `ledger.…`). */
export type Entries = Readonly<Record<string, Entry>>;
