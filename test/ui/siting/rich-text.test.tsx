import { isValidElement } from 'react';
import { describe, expect, it } from 'vitest';
import { msg } from '../../../src/i18n';
import { richText } from '../../../src/ui/siting/rich-text';

describe('richText', () => {
  it('keeps one catalogue sentence and puts nodes where its places were left open', () => {
    const text = msg('en', 'siting.ui.cost', { n: 3 });
    expect(text).toBe('3 new sites, total cost {cost}');
    const parts = richText(text, { cost: 'X' });
    expect(parts[0]).toBe('3 new sites, total cost ');
    expect(isValidElement(parts[1])).toBe(true);
    expect(parts[2]).toBe('');
  });

  it('shows a place with no node as itself', () => {
    const parts = richText('a {b} c', {});
    expect(parts[0]).toBe('a ');
    expect(parts[2]).toBe(' c');
  });
});
