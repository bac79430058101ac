/** The catalogue bound to the user's language, for components: `const tr = useT(); tr('plan.x', { year })`. */
import { useCallback } from 'react';
import { msg, render, type Message, type MessageKey, type MessageValues } from '../i18n';
import { useApp } from '../state/store';

export function useT(): (key: MessageKey, values?: MessageValues) => string {
  const lang = useApp((s) => s.lang);
  return useCallback((key: MessageKey, values?: MessageValues) => msg(lang, key, values), [lang]);
}

/** Renders engine/store messages in the user's language. */
export function useRender(): (message: Message) => string {
  const lang = useApp((s) => s.lang);
  return useCallback((message: Message) => render(lang, message), [lang]);
}
