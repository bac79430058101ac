/**
 * A set of row keys (编号) for the duplicate check of a large import: open addressing
 * over an Int32Array instead of a Set<string>. A Set of a million fresh strings costs
 * about half a second (hashing, rehashing, a large old-generation table); this costs
 * a fraction of that. Additions can be taken back newest first (undo), which is all
 * the fast path needs.
 */
export class KeySet {
  private readonly keys: string[] = [];
  /** pairs (key index + 1, hash); 0 = empty */
  private table: Int32Array;
  private mask: number;

  constructor(expected = 16) {
    let cap = 16;
    while (cap < expected * 2) cap *= 2;
    this.table = new Int32Array(cap * 2);
    this.mask = cap - 1;
  }

  get size(): number {
    return this.keys.length;
  }

  private static hash(s: string): number {
    let h = 0x811c9dc5;
    for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193);
    return h ^ (h >>> 15);
  }

  /** Slot of `s` (hash `h`), or of the empty slot where it would go. */
  private slot(s: string, h: number): number {
    const { table, mask, keys } = this;
    let i = h & mask;
    for (;;) {
      const e = table[2 * i];
      if (e === 0 || (table[2 * i + 1] === h && keys[e - 1] === s)) return i;
      i = (i + 1) & mask;
    }
  }

  has(s: string): boolean {
    return this.table[2 * this.slot(s, KeySet.hash(s))] !== 0;
  }

  /** Add `s`; false (and nothing changes) when it is already there. */
  add(s: string): boolean {
    const h = KeySet.hash(s);
    const i = this.slot(s, h);
    if (this.table[2 * i] !== 0) return false;
    this.keys.push(s);
    this.table[2 * i] = this.keys.length;
    this.table[2 * i + 1] = h;
    if (this.keys.length * 2 > this.mask + 1) this.grow((this.mask + 1) * 2);
    return true;
  }

  /** Make room for `more` additions without a rehash (so that undo stays valid). */
  reserve(more: number): void {
    let cap = this.mask + 1;
    while ((this.keys.length + more) * 2 > cap) cap *= 2;
    if (cap !== this.mask + 1) this.grow(cap);
  }

  /**
   * Take back the last `count` additions, newest first. Valid when no rehash happened
   * since (reserve() first): with linear probing, the slot of the newest entry lies on
   * no other entry's probe path, so clearing it is exact.
   */
  undo(count: number): void {
    for (let k = 0; k < count; k++) {
      const s = this.keys.pop()!;
      this.table[2 * this.slot(s, KeySet.hash(s))] = 0;
    }
  }

  private grow(cap: number): void {
    const old = this.table;
    this.table = new Int32Array(cap * 2);
    this.mask = cap - 1;
    const { table, mask } = this;
    for (let k = 0; k < old.length; k += 2) {
      const e = old[k];
      if (e === 0) continue;
      const h = old[k + 1];
      let i = h & mask;
      while (table[2 * i] !== 0) i = (i + 1) & mask;
      table[2 * i] = e;
      table[2 * i + 1] = h;
    }
  }
}
