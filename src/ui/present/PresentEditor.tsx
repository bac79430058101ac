import { useRef, useState } from 'react';
import { SCREEN_KINDS, type ScreenKind } from '../../state/present-slice';
import { useApp } from '../../state/store';
import { useDismiss } from '../use-dismiss';
import { useT } from '../use-t';
import { screenTitle } from '../messages';

/** 编辑页面: reorder, hide, retitle, note, take the current map view, add and remove screens. */
export function PresentEditor() {
  const tr = useT();
  const lang = useApp((s) => s.lang);
  const screens = useApp((s) => s.screens);
  const update = useApp((s) => s.updateScreen);
  const move = useApp((s) => s.moveScreen);
  const remove = useApp((s) => s.removeScreen);
  const add = useApp((s) => s.addScreen);
  const capture = useApp((s) => s.captureViewInto);
  const reset = useApp((s) => s.resetScreens);
  const close = useApp((s) => s.setPresentEditorOpen);
  const [kind, setKind] = useState<ScreenKind>('status');
  const ref = useRef<HTMLDivElement>(null);
  useDismiss(true, () => close(false), [ref]);
  return (
    <div className="modal-back">
      <div className="modal present-editor" ref={ref} role="dialog" aria-label={tr('present.ui.editor.title')} data-testid="present-editor">
        <header>
          <h3>{tr('present.ui.editor.title')}</h3>
          <button type="button" className="link" onClick={() => close(false)}>{tr('close')}</button>
        </header>
        <table className="grid">
          <thead>
            <tr>
              <th>#</th>
              <th>{tr('present.ui.editor.kind')}</th>
              <th>{tr('present.ui.editor.screenTitle')}</th>
              <th>{tr('present.ui.editor.notesHead')}</th>
              <th>{tr('present.ui.editor.hide')}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {screens.map((x, i) => (
              <tr key={x.id} data-testid={`present-row-${x.id}`}>
                <td>{i + 1}</td>
                <td>{tr(`present.ui.kind.${x.kind}`)}</td>
                <td><input className="wide" value={screenTitle(lang, x)} onChange={(e) => update(x.id, { title: e.target.value })} aria-label={tr('present.ui.editor.screenTitle')} /></td>
                <td><input value={x.notes} onChange={(e) => update(x.id, { notes: e.target.value })} aria-label={tr('present.ui.editor.notes')} /></td>
                <td><input type="checkbox" checked={x.hidden} onChange={(e) => update(x.id, { hidden: e.target.checked })} aria-label={tr('present.ui.editor.hide')} /></td>
                <td className="nowrap">
                  <button type="button" onClick={() => move(x.id, -1)} disabled={i === 0} aria-label={tr('present.ui.editor.up')}>↑</button>
                  <button type="button" onClick={() => move(x.id, 1)} disabled={i === screens.length - 1} aria-label={tr('present.ui.editor.down')}>↓</button>
                  <button type="button" onClick={() => capture(x.id)} title={tr('present.ui.editor.useMapTitle')}>{tr('present.ui.editor.useMap')}</button>
                  <button type="button" onClick={() => remove(x.id)}>{tr('present.ui.editor.delete')}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <footer>
          <select value={kind} onChange={(e) => setKind(e.target.value as ScreenKind)}>
            {SCREEN_KINDS.map((k) => (
              <option key={k} value={k}>{tr(`present.ui.kind.${k}`)}</option>
            ))}
          </select>
          <button type="button" onClick={() => add(kind)} data-testid="present-add">{tr('present.ui.editor.add')}</button>
          <button type="button" onClick={() => reset()}>{tr('present.ui.editor.reset')}</button>
        </footer>
      </div>
    </div>
  );
}
