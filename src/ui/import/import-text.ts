/** The catalogue bound to the import dialog's language (the dialog takes `lang` as a prop, not from the store). */
import { msg, type Lang, type MessageKey, type MessageValues } from '../../i18n';

export type Tr = (key: MessageKey, values?: MessageValues) => string;

/** `tr('import.ui.title')` in the dialog's language. */
export const trOf =
  (lang: Lang): Tr =>
  (key, values) =>
    msg(lang, key, values);
