/** Run an engine generator to its end, yielding to the event loop at each pause point (worker cancel messages get through). */

function macrotask(): Promise<void> {
  if (typeof MessageChannel !== 'undefined') {
    return new Promise((resolve) => {
      const ch = new MessageChannel();
      ch.port1.onmessage = () => {
        ch.port1.close();
        resolve();
      };
      ch.port2.postMessage(null);
    });
  }
  return new Promise((resolve) => setTimeout(resolve, 0));
}

export async function driveAsync<T>(gen: Generator<void, T, void>): Promise<T> {
  for (;;) {
    const r = gen.next();
    if (r.done) return r.value;
    await macrotask();
  }
}
