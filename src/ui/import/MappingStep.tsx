/** Step 2: file columns → layer fields, with defaults for required fields no column provides. */
import type { FieldMapping } from '../../data/field-mapping';
import { LAYERS, enumLabel, fieldLabel, type LayerId } from '../../data/schema';
import type { Tr } from './import-text';

export interface MappingStepProps {
  layer: LayerId;
  headers: string[];
  sample: unknown[][];
  hasGeometry: boolean;
  mapping: FieldMapping;
  defaults: Record<string, string>;
  autoKey: boolean;
  lang: 'zh' | 'en';
  tr: Tr;
  onMapping(m: FieldMapping): void;
  onDefaults(d: Record<string, string>): void;
  onAutoKey(v: boolean): void;
}

/** Required fields of `layer` that neither a column, a default, the geometry nor auto-numbering provide. */
export function unresolvedRequired(layer: LayerId, mapping: FieldMapping, defaults: Record<string, string>, hasGeometry: boolean, autoKey: boolean): string[] {
  const def = LAYERS[layer];
  return def.fields
    .filter((fd) => fd.required && fd.type !== 'geometry' && mapping[fd.name] === undefined)
    .filter((fd) => !(defaults[fd.name] ?? '').trim() && !(hasGeometry && (fd.name === 'lon' || fd.name === 'lat')) && !(autoKey && fd.name === def.key))
    .map((fd) => fd.name);
}

const text = (v: unknown): string => (v === null || v === undefined ? '' : String(v));

/** Table of file columns with a field select each, and default-value inputs for unmapped required fields. */
export function MappingStep(p: MappingStepProps) {
  const def = LAYERS[p.layer];
  const fieldOfHeader = new Map(Object.entries(p.mapping).map(([f, i]) => [i, f]));
  const label = (name: string): string => {
    const fd = def.fields.find((x) => x.name === name)!;
    return `${fieldLabel(p.lang, p.layer, fd.name)}${fd.required ? ` *` : ''}`;
  };
  const setField = (header: number, field: string): void => {
    const m: FieldMapping = {};
    for (const [f, i] of Object.entries(p.mapping)) if (i !== header && f !== field) m[f] = i;
    if (field) m[field] = header;
    p.onMapping(m);
  };
  const unmappedRequired = def.fields.filter((fd) => fd.required && fd.type !== 'geometry' && p.mapping[fd.name] === undefined && !(p.hasGeometry && (fd.name === 'lon' || fd.name === 'lat')));
  return (
    <div className="imp-mapping">
      <table className="imp-table">
        <thead>
          <tr>
            <th>{p.tr('import.ui.header')}</th>
            <th>{p.tr('import.ui.sample')}</th>
            <th>{p.tr('import.ui.field')}</th>
          </tr>
        </thead>
        <tbody>
          {p.headers.map((h, i) => {
            const f = fieldOfHeader.get(i) ?? '';
            return (
              <tr key={i} className={f ? 'imp-mapped' : ''}>
                <td className="imp-header-cell">{h}</td>
                <td className="imp-sample-cell">{p.sample.slice(0, 3).map((r) => text(r[i])).join(' | ')}</td>
                <td>
                  <select aria-label={p.tr('import.ui.fieldFor', { header: h })} value={f} onChange={(e) => setField(i, e.target.value)}>
                    <option value="">{p.tr('import.ui.none')}</option>
                    {def.fields
                      .filter((fd) => fd.type !== 'geometry' || p.headers.length > 0)
                      .map((fd) => (
                        <option key={fd.name} value={fd.name}>
                          {label(fd.name)}
                        </option>
                      ))}
                  </select>
                </td>
              </tr>
            );
          })}
        </tbody>
      </table>
      {unmappedRequired.length > 0 && (
        <div className="imp-missing" role="group" aria-label={p.tr('import.ui.missing')}>
          <p className="imp-note">{p.tr('import.ui.missing')}</p>
          {unmappedRequired.map((fd) =>
            fd.name === def.key ? (
              <label key={fd.name} className="imp-default">
                <span>{label(fd.name)}</span>
                <input type="checkbox" checked={p.autoKey} onChange={(e) => p.onAutoKey(e.target.checked)} /> {p.tr('import.ui.autoKey')}
              </label>
            ) : (
              <label key={fd.name} className="imp-default">
                <span>{label(fd.name)}</span>
                {fd.type === 'enum' ? (
                  <select value={p.defaults[fd.name] ?? ''} onChange={(e) => p.onDefaults({ ...p.defaults, [fd.name]: e.target.value })}>
                    <option value="">{p.tr('import.ui.defaultValue')}…</option>
                    {(fd.values ?? []).map((v) => (
                      <option key={v} value={v}>
                        {enumLabel(p.lang, p.layer, fd.name, v)}
                      </option>
                    ))}
                  </select>
                ) : (
                  <input
                    type={fd.type === 'number' || fd.type === 'integer' ? 'number' : 'text'}
                    placeholder={p.tr('import.ui.defaultValue')}
                    value={p.defaults[fd.name] ?? ''}
                    onChange={(e) => p.onDefaults({ ...p.defaults, [fd.name]: e.target.value })}
                  />
                )}
              </label>
            ),
          )}
        </div>
      )}
    </div>
  );
}
