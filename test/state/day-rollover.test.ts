import { afterEach, describe, expect, it, vi } from 'vitest';
import { startDayRollover } from '../../src/state/autosave';
import { createAppStore } from '../../src/state/store';

describe('today moves on while the app is open', () => {
  afterEach(() => vi.useRealTimers());
  it('a 统计日期 that was today follows the date; one the user picked stays', () => {
    vi.useFakeTimers();
    let day = '2026-12-02';
    const s = createAppStore();
    s.getState().setParams({ asOfDate: day });
    const stop = startDayRollover(s, () => day, 1000);
    vi.advanceTimersByTime(1000);
    expect(s.getState().params.asOfDate).toBe('2026-12-02');
    day = '2026-12-03';
    vi.advanceTimersByTime(1000);
    expect(s.getState().params.asOfDate).toBe('2026-12-03');
    s.getState().setParams({ asOfDate: '2026-06-30' });
    day = '2026-12-04';
    vi.advanceTimersByTime(1000);
    expect(s.getState().params.asOfDate).toBe('2026-06-30');
    stop();
  });
});

describe('a restored project', () => {
  it('counts overdue days from today, not from the day of its last autosave', async () => {
    const { IDBFactory } = await import('fake-indexeddb');
    const { todayIso } = await import('../../src/state/analysis-slice');
    const { emptyLayers } = await import('../../src/state/data-slice');
    const idb = new IDBFactory();
    const a = createAppStore();
    a.getState().setIdb(idb);
    await a.getState().setDataset({ layers: emptyLayers(), district: null, meta: null });
    a.getState().setParams({ asOfDate: '2020-01-01' });
    await a.getState().saveNow();
    const b = createAppStore();
    b.getState().setIdb(idb);
    expect(await b.getState().restoreSaved()).toBe(true);
    expect(b.getState().params.asOfDate).toBe(todayIso());
    expect(todayIso()).toBe(new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai' }).format(new Date()));
  });
});
