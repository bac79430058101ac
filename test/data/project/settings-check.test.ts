/** Settings of a project file or saved state: migrated from the defaults when missing, refused with the field path when wrong. */
import { describe, expect, it } from 'vitest';
import { render } from '../../../src/i18n';
import { defaultAnalysisParams } from '../../../src/analysis/params';
import { checkSettings } from '../../../src/data/project/settings-check';

const TODAY = '2026-12-02';

describe('checkSettings', () => {
  it('fills a missing rule table (and other missing parameters) from the defaults', () => {
    const r = checkSettings({ params: { radiusM: 500 } }, TODAY);
    if ('error' in r) throw new Error(render('zh', r.error));
    expect(r.settings.params).toEqual({ ...defaultAnalysisParams(TODAY), radiusM: 500 });
  });

  it('keeps unknown keys (later versions add them) and valid parts', () => {
    const r = checkSettings({ visible: { population: false }, future: { x: 1 } }, TODAY);
    if ('error' in r) throw new Error(render('zh', r.error));
    expect(r.settings.visible).toEqual({ population: false });
    expect(r.settings.future).toEqual({ x: 1 });
  });

  it.each([
    [{ params: { ruleTable: { basis: 'residents', rules: [{ op: '>=', min: '五千', classes: 6 }] } } }, 'settings.params.ruleTable.rules[0].min 应为数字'],
    [{ params: { ruleTable: { basis: 'area', rules: [] } } }, 'settings.params.ruleTable.basis'],
    [{ params: { radiusM: -3 } }, 'settings.params.radiusM（服务半径（米））应为大于 0'],
    [{ params: { escalationOrangeDays: 60, escalationRedDays: 30 } }, 'settings.params.escalationRedDays'],
    [{ params: { statusThresholds: { green: 0.5, amber: 0.8 } } }, 'settings.params.statusThresholds'],
    [{ params: { radiusM: 1e16 } }, '当前 10000000000000000'],
    [{ params: { decay: 'linear' } }, 'settings.params.decay'],
    [{ params: 'x' }, 'settings.params 应为对象'],
    [{ visible: { population: 'yes' } }, 'settings.visible.population'],
    [{ district: { type: 'Feature' } }, 'settings.district'],
    [{ meta: { generated: [1] } }, 'settings.meta.generated'],
    [[1, 2], 'settings 应为对象'],
    [{ params: { distanceMode: 'flying' } }, 'settings.params.distanceMode 应为 straight 或 walking'],
    [{ params: { walkSpeedKmh: 0 } }, 'settings.params.walkSpeedKmh（步行速度（km/h））'],
  ])('refuses %j naming the field', (raw, expected) => {
    const r = checkSettings(raw, TODAY);
    expect('error' in r && render('zh', r.error)).toContain(expected);
  });
});

describe('checkSettings: walking distance', () => {
  it('older files (no distance fields) stay straight line; walking settings load; bad ones are refused by path', () => {
    const old = checkSettings({ params: { radiusM: 300 } }, TODAY);
    if ('error' in old) throw new Error(render('zh', old.error));
    expect(old.settings.params?.distanceMode).toBeUndefined();
    const w = checkSettings({ params: { distanceMode: 'walking', walkSpeedKmh: 4, walkSnapMaxM: 150 } }, TODAY);
    if ('error' in w) throw new Error(render('zh', w.error));
    expect(w.settings.params).toMatchObject({ distanceMode: 'walking', walkSpeedKmh: 4, walkSnapMaxM: 150 });
    const bad = checkSettings({ params: { distanceMode: 'car' } }, TODAY);
    expect('error' in bad && render('zh', bad.error)).toContain('settings.params.distanceMode');
    const slow = checkSettings({ params: { walkSpeedKmh: 0 } }, TODAY);
    expect('error' in slow && render('zh', slow.error)).toContain('步行速度');
  });
});
