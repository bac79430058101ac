import { describe, expect, it } from 'vitest';
import { createAppStore } from '../../src/state/store';

describe('ui slice', () => {
  it('focus() selects and bumps focusSeq', () => {
    const store = createAppStore();
    store.getState().focus({ layer: 'kindergartens', id: 'k1' });
    store.getState().focus({ layer: 'kindergartens', id: 'k1' });
    expect(store.getState().selected).toEqual({ layer: 'kindergartens', id: 'k1' });
    expect(store.getState().focusSeq).toBe(2);
  });
});
