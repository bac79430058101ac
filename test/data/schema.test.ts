/** Enum labels: every enum value has a Chinese and an English label, and the English switch shows them. */
import { describe, expect, it } from 'vitest';
import { LAYERS, fieldOf, labelOfEnum } from '../../src/data/schema';
import { featureLines } from '../../src/ui/feature-fields';

describe('enum labels', () => {
  it('gives every enum value a label in both languages', () => {
    for (const layer of Object.values(LAYERS)) {
      for (const fd of layer.fields.filter((x) => x.type === 'enum')) {
        expect(fd.valuesZh?.length, `${layer.id}.${fd.name} zh`).toBe(fd.values?.length);
        expect(fd.valuesEn?.length, `${layer.id}.${fd.name} en`).toBe(fd.values?.length);
      }
    }
  });

  it('labels by language, raw value when unknown, empty for null', () => {
    const st = fieldOf('communities', 'supporting_kg_status');
    expect(labelOfEnum(st, 'accepted_not_handed_over')).toBe('已验收未移交');
    expect(labelOfEnum(st, 'accepted_not_handed_over', 'en')).toBe('Accepted, not handed over');
    expect(labelOfEnum(st, 'something_else', 'en')).toBe('something_else');
    expect(labelOfEnum(st, null, 'en')).toBe('');
  });

  it('shows English labels in the detail lines with the English switch', () => {
    const lines = featureLines('plan_projects', { id: 'P1', kind: 'rebuild', status: 'approved', type_after: 'public' }, 'en');
    const byLabel = Object.fromEntries(lines.map((l) => [l.label, l.value]));
    expect(byLabel).toMatchObject({ Kind: 'Rebuild on site', Status: 'Approved', 'Type after': 'Public' });
  });
});
