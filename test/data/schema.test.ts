/** Enum labels: every enum value has a Chinese and an English label, and the English switch shows them. */
import { describe, expect, it } from 'vitest';
import { LAYERS, enumKey, enumLabel, fieldKey, fieldLabel, layerKey } from '../../src/data/schema';
import { isMessageKey } from '../../src/i18n';
import { featureLines } from '../../src/ui/feature-fields';

describe('enum labels', () => {
  it('gives every layer, field and enum value a catalogue label', () => {
    for (const layer of Object.values(LAYERS)) {
      expect(isMessageKey(layerKey(layer.id)), layer.id).toBe(true);
      for (const fd of layer.fields) {
        expect(isMessageKey(fieldKey(layer.id, fd.name)), `${layer.id}.${fd.name}`).toBe(true);
        for (const v of fd.values ?? []) expect(isMessageKey(enumKey(layer.id, fd.name, v)), `${layer.id}.${fd.name}.${v}`).toBe(true);
      }
    }
  });

  it('labels by language, raw value when unknown, empty for null', () => {
    const st = (lang: 'zh' | 'en', v: string | null) => enumLabel(lang, 'communities', 'supporting_kg_status', v);
    expect(st('zh', 'accepted_not_handed_over')).toBe('已验收未移交');
    expect(st('en', 'accepted_not_handed_over')).toBe('Accepted, not handed over');
    expect(st('en', 'something_else')).toBe('something_else');
    expect(st('en', null)).toBe('');
    expect(fieldLabel('zh', 'communities', 'supporting_kg_status')).toBe('配套园状态');
    expect(fieldLabel('en', 'communities', 'supporting_kg_status')).toBe('Supporting kindergarten status');
  });

  it('shows English labels in the detail lines with the English switch', () => {
    const lines = featureLines('plan_projects', { id: 'P1', kind: 'rebuild', status: 'approved', type_after: 'public' }, 'en');
    const byLabel = Object.fromEntries(lines.map((l) => [l.label, l.value]));
    expect(byLabel).toMatchObject({ Kind: 'Rebuild on site', Status: 'Approved', 'Type after': 'Public' });
  });
});
