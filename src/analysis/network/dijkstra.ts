/**
 * Cutoff Dijkstra on a WalkGraph's CSR arrays, with a reusable workspace (one
 * distance array for all sources; only the nodes a run touched are reset), a
 * binary heap on typed arrays with lazy deletion, and several seeds (a point
 * snapped into the middle of an edge starts from both of the edge's nodes).
 */
import type { WalkGraph } from './walk-graph';

export class DijkstraWorkspace {
  /** distance of each node from the seeds of the last run (Infinity = not reached within the cutoff) */
  readonly dist: Float64Array;
  /** nodes settled by the last run, in order of distance; the first `settledCount` are valid */
  settled: Int32Array;
  settledCount = 0;
  private heapNode: Int32Array;
  private heapKey: Float64Array;
  private size = 0;
  private touched: Int32Array;
  private touchedCount = 0;
  private readonly done: Uint8Array;

  constructor(private readonly g: WalkGraph) {
    const n = g.nodeLon.length;
    this.dist = new Float64Array(n).fill(Infinity);
    this.done = new Uint8Array(n);
    this.settled = new Int32Array(Math.max(16, n));
    this.touched = new Int32Array(Math.max(16, n));
    this.heapNode = new Int32Array(1024);
    this.heapKey = new Float64Array(1024);
  }

  private push(v: number, key: number): void {
    if (this.size === this.heapNode.length) {
      const hn = new Int32Array(this.size * 2);
      hn.set(this.heapNode);
      const hk = new Float64Array(this.size * 2);
      hk.set(this.heapKey);
      this.heapNode = hn;
      this.heapKey = hk;
    }
    const hn = this.heapNode;
    const hk = this.heapKey;
    let i = this.size++;
    while (i > 0) {
      const p = (i - 1) >> 1;
      if (hk[p] <= key) break;
      hn[i] = hn[p];
      hk[i] = hk[p];
      i = p;
    }
    hn[i] = v;
    hk[i] = key;
  }

  /** pops the minimum into (this.popNode, this.popKey) */
  private popNode = 0;
  private popKey = 0;
  private pop(): void {
    const hn = this.heapNode;
    const hk = this.heapKey;
    this.popNode = hn[0];
    this.popKey = hk[0];
    const n = --this.size;
    if (n === 0) return;
    const v = hn[n];
    const key = hk[n];
    let i = 0;
    for (;;) {
      let c = 2 * i + 1;
      if (c >= n) break;
      if (c + 1 < n && hk[c + 1] < hk[c]) c++;
      if (hk[c] >= key) break;
      hn[i] = hn[c];
      hk[i] = hk[c];
      i = c;
    }
    hn[i] = v;
    hk[i] = key;
  }

  private reset(): void {
    const d = this.dist;
    const done = this.done;
    for (let k = 0; k < this.touchedCount; k++) {
      const v = this.touched[k];
      d[v] = Infinity;
      done[v] = 0;
    }
    this.touchedCount = 0;
    this.settledCount = 0;
    this.size = 0;
  }

  private relax(v: number, nd: number): void {
    if (nd < this.dist[v]) {
      if (this.dist[v] === Infinity) this.touched[this.touchedCount++] = v;
      this.dist[v] = nd;
      this.push(v, nd);
    }
  }

  /**
   * Shortest distances from the seeds (node, initial distance), stopping at `cutoffM`
   * (nodes farther stay Infinity). Returns the number of settled nodes.
   */
  run(seedNodes: ArrayLike<number>, seedDistM: ArrayLike<number>, cutoffM: number): number {
    this.reset();
    for (let s = 0; s < seedNodes.length; s++) {
      if (seedDistM[s] <= cutoffM) this.relax(seedNodes[s], seedDistM[s]);
    }
    const { adjOffsets, adjNode, adjLenM } = this.g;
    const dist = this.dist;
    const done = this.done;
    while (this.size > 0) {
      this.pop();
      const v = this.popNode;
      const dv = this.popKey;
      if (done[v] === 1 || dv > dist[v]) continue;
      done[v] = 1;
      this.settled[this.settledCount++] = v;
      for (let k = adjOffsets[v], end = adjOffsets[v + 1]; k < end; k++) {
        const nd = dv + adjLenM[k];
        if (nd > cutoffM) continue;
        const w = adjNode[k];
        if (nd < dist[w]) {
          if (dist[w] === Infinity) this.touched[this.touchedCount++] = w;
          dist[w] = nd;
          this.push(w, nd);
        }
      }
    }
    return this.settledCount;
  }
}
