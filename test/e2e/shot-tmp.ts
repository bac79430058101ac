import { launchBrowser, serveBuild } from './browser';
async function main() {
  const { url, server } = await serveBuild(process.env.SKIP_BUILD === '1');
  const browser = await launchBrowser();
  const page = await browser.newPage({ viewport: { width: 1366, height: 768 } });
  page.on('console', (m) => { if (m.type() === 'error' || m.type() === 'warning') console.log('console', m.type(), m.text().slice(0, 500)); });
  page.on('pageerror', (e) => console.log('pageerror', String(e).slice(0, 800)));
  await page.goto(url);
  await page.waitForTimeout(Number(process.env.WAIT ?? 12000));
  const script = process.env.SCRIPT;
  if (script) await page.evaluate(script);
  await page.waitForTimeout(Number(process.env.WAIT2 ?? 0));
  await page.screenshot({ path: process.env.OUT ?? '/work/notes/shots/a.png' });
  console.log(await page.evaluate(() => { const s = (window as any).__xwghStore.getState(); return JSON.stringify({ st: s.analysisState, err: s.analysisError, res: !!s.result, plan: !!s.presentPlan, rf: !!s.resultFor }); }));
  await browser.close(); await server.close();
}
main().catch((e) => { console.error(e); process.exit(1); });
