import { useRef, useState } from 'react';
import { SCREEN_KINDS, type ScreenKind } from '../../state/present-slice';
import { useApp } from '../../state/store';
import { useDismiss } from '../use-dismiss';

const KIND_ZH: Record<ScreenKind, string> = { status: '现状', problems: '问题', plan: '规划', target: '目标年' };

/** 编辑页面: reorder, hide, retitle, note, take the current map view, add and remove screens. */
export function PresentEditor() {
  const lang = useApp((s) => s.lang);
  const zh = lang === 'zh';
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
      <div className="modal present-editor" ref={ref} role="dialog" aria-label={zh ? '编辑汇报页面' : 'Edit screens'} data-testid="present-editor">
        <header>
          <h3>{zh ? '编辑汇报页面' : 'Edit screens'}</h3>
          <button type="button" className="link" onClick={() => close(false)}>{zh ? '关闭' : 'Close'}</button>
        </header>
        <table className="grid">
          <thead>
            <tr>
              <th>#</th>
              <th>{zh ? '类型' : 'Kind'}</th>
              <th>{zh ? '标题' : 'Title'}</th>
              <th>{zh ? '讲稿备注' : 'Notes'}</th>
              <th>{zh ? '隐藏' : 'Hide'}</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {screens.map((x, i) => (
              <tr key={x.id} data-testid={`present-row-${x.id}`}>
                <td>{i + 1}</td>
                <td>{zh ? KIND_ZH[x.kind] : x.kind}</td>
                <td><input className="wide" value={x.title} onChange={(e) => update(x.id, { title: e.target.value })} aria-label={zh ? '标题' : 'Title'} /></td>
                <td><input value={x.notes} onChange={(e) => update(x.id, { notes: e.target.value })} aria-label={zh ? '备注' : 'Notes'} /></td>
                <td><input type="checkbox" checked={x.hidden} onChange={(e) => update(x.id, { hidden: e.target.checked })} aria-label={zh ? '隐藏' : 'Hide'} /></td>
                <td className="nowrap">
                  <button type="button" onClick={() => move(x.id, -1)} disabled={i === 0} aria-label={zh ? '上移' : 'Up'}>↑</button>
                  <button type="button" onClick={() => move(x.id, 1)} disabled={i === screens.length - 1} aria-label={zh ? '下移' : 'Down'}>↓</button>
                  <button type="button" onClick={() => capture(x.id)} title={zh ? '保存当前地图的范围、图层、年份和方案' : 'Use the current map view'}>{zh ? '用当前地图' : 'Use map view'}</button>
                  <button type="button" onClick={() => remove(x.id)}>{zh ? '删除' : 'Delete'}</button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <footer>
          <select value={kind} onChange={(e) => setKind(e.target.value as ScreenKind)}>
            {SCREEN_KINDS.map((k) => (
              <option key={k} value={k}>{zh ? KIND_ZH[k] : k}</option>
            ))}
          </select>
          <button type="button" onClick={() => add(kind)} data-testid="present-add">{zh ? '添加页面' : 'Add screen'}</button>
          <button type="button" onClick={() => reset()}>{zh ? '恢复默认四页' : 'Reset'}</button>
        </footer>
      </div>
    </div>
  );
}
