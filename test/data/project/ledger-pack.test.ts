/** The 台账 history saved in columns: same events back, checked by the schema per distinct value. */
import { readFileSync } from 'node:fs';
import { IDBFactory } from 'fake-indexeddb';
import { describe, expect, it } from 'vitest';
import { render, type Message } from '../../../src/i18n';

/** An { error: Message } result with the error rendered in Chinese (for the wording checks). */
const zhError = <T extends object>(r: T): T | { error: string } => ('error' in r ? { error: render('zh', r.error as Message) } : r);
import { checkLedgerEvents } from '../../../src/data/project/ledger-check';
import { checkPackedEvents, packEvents, unpackEvents } from '../../../src/data/project/ledger-pack';
import { loadRecord, putRecord, storedRecord } from '../../../src/data/project/project-store';

const doc = JSON.parse(readFileSync('test/fixtures/project/v1-project.xwgh.json', 'utf8'));
const events = doc.settings.ledger.events;

describe('packed 台账 history', () => {
  it('round-trips and is what the browser copy stores (settings keep an empty list)', async () => {
    expect(unpackEvents(packEvents(events))).toEqual(events);
    const idb = new IDBFactory();
    await putRecord(idb, storedRecord({ layers: doc.layers, settings: doc.settings }));
    const rec = await loadRecord(idb);
    expect(JSON.parse(rec!.settingsJson!).ledger.events).toEqual([]);
    expect(unpackEvents(rec!.ledgerPacked!)).toEqual(events);
  });

  it('names the first bad event and field, as the per-event schema does', () => {
    expect(checkPackedEvents(packEvents(events))).toBeNull();
    expect(render('zh', checkPackedEvents(packEvents([events[0], { ...events[1], date: '2025-13-45' }]))!)).toContain('settings.ledger.events[1].date（日期）应为存在的日期');
    expect(render('zh', checkPackedEvents(packEvents([events[0], { ...events[1], seq: events[0].seq }]))!)).toContain('settings.ledger.events[1].seq（序号）应为递增的整数');
    expect(render('zh', checkPackedEvents(packEvents([{ ...events[0], field: 'households', from: null, to: 'many' }]))!)).toContain('settings.ledger.events[0].to 不是该字段的有效值');
    expect(render('zh', checkPackedEvents(packEvents([{ ...events[0], source: 'hack' }]))!)).toContain('settings.ledger.events[0].source 应为 edit / import / undo');
    const broken = packEvents(events);
    broken.date.codes[0] = 99;
    expect(render('zh', checkPackedEvents(broken)!)).toContain('已损坏');
  });

  it('a file history that is not a list is refused', () => {
    expect(zhError(checkLedgerEvents({ a: 1 }, []))).toEqual({ error: expect.stringContaining('settings.ledger.events 应为数组') });
  });
});
