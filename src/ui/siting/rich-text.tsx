import { Fragment, type ReactNode } from 'react';

/**
 * A catalogue text whose `{name}` places were left unfilled (msg keeps them) turned into
 * React nodes, so a whole sentence stays one entry while some figures are bold.
 */
export function richText(text: string, nodes: Readonly<Record<string, ReactNode>>): ReactNode[] {
  return text.split(/\{(\w+)\}/g).map((part, i) => (i % 2 === 1 ? <Fragment key={i}>{part in nodes ? nodes[part] : `{${part}}`}</Fragment> : part));
}
