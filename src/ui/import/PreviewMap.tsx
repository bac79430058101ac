/**
 * "Do these land on the right streets?": the converted points over the loaded district's
 * 街道 outlines, drawn as SVG (no tiles, no WebGL), before anything is committed.
 */
import { msg } from '../../i18n';
export interface PreviewMapProps {
  points: [number, number][];
  /** outlines of what is already loaded (district, 街道) in WGS84 */
  rings?: [number, number][][];
  labels?: { lon: number; lat: number; text: string }[];
  lang: 'zh' | 'en';
  /** when the system is uncertain: the same rows under each candidate, in their own colours */
  candidates?: { label: string; color: string; points: [number, number][] }[];
}

const W = 420;
const H = 260;

export function PreviewMap({ points, rings = [], labels = [], lang, candidates }: PreviewMapProps) {
  const finite = ([x, y]: [number, number]) => Number.isFinite(x) && Number.isFinite(y);
  const cands = candidates?.map((c) => ({ ...c, points: c.points.filter(finite) }));
  const pts = cands ? cands.flatMap((c) => c.points) : points.filter(finite);
  if (pts.length === 0) return null;
  let x0 = Infinity;
  let y0 = Infinity;
  let x1 = -Infinity;
  let y1 = -Infinity;
  for (const [x, y] of pts) {
    x0 = Math.min(x0, x);
    y0 = Math.min(y0, y);
    x1 = Math.max(x1, x);
    y1 = Math.max(y1, y);
  }
  // frame the points with a margin of at least ~1 km, keep metres square at this latitude
  const padDeg = Math.max((x1 - x0) * 0.15, (y1 - y0) * 0.15, 0.01);
  x0 -= padDeg;
  x1 += padDeg;
  y0 -= padDeg;
  y1 += padDeg;
  const kx = Math.cos((((y0 + y1) / 2) * Math.PI) / 180);
  const scale = Math.min(W / ((x1 - x0) * kx), H / (y1 - y0));
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const px = (x: number) => W / 2 + (x - cx) * kx * scale;
  const py = (y: number) => H / 2 - (y - cy) * scale;
  const inFrame = (x: number, y: number) => x >= x0 && x <= x1 && y >= y0 && y <= y1;
  const visibleRings = rings.filter((r) => r.some(([x, y]) => inFrame(x, y)));
  const visibleLabels = labels.filter((l) => inFrame(l.lon, l.lat));
  return (
    <figure className="imp-preview-map" data-testid="import-preview-map">
      <svg width={W} height={H} viewBox={`0 0 ${W} ${H}`} role="img">
        <rect width={W} height={H} fill="#eef1f5" />
        {visibleRings.map((r, i) => (
          <polyline key={i} points={r.map(([x, y]) => `${px(x).toFixed(1)},${py(y).toFixed(1)}`).join(' ')} fill="none" stroke="#7a8496" strokeWidth={1} />
        ))}
        {visibleLabels.map((l) => (
          <text key={`${l.text}-${l.lon}`} x={px(l.lon)} y={py(l.lat)} fontSize={10} fill="#3a4456" textAnchor="middle">
            {l.text}
          </text>
        ))}
        {cands
          ? cands.map((c) =>
              c.points.map(([x, y], i) => <circle key={`${c.label}-${i}`} cx={px(x)} cy={py(y)} r={3} fill={c.color} stroke="#fff" strokeWidth={0.8} />),
            )
          : pts.map(([x, y], i) => <circle key={i} cx={px(x)} cy={py(y)} r={3} fill="#d63031" stroke="#fff" strokeWidth={0.8} />)}
      </svg>
      {cands ? (
        <div className="imp-cand-legend" data-testid="crs-candidates">
          {cands.map((c) => (
            <span key={c.label}>
              <i style={{ background: c.color }} /> {c.label}
            </span>
          ))}
        </div>
      ) : null}
      <figcaption>
        {msg(lang, cands ? 'import.ui.mapPick' : visibleRings.length === 0 ? 'import.ui.mapOutside' : 'import.ui.mapCheck')}
      </figcaption>
    </figure>
  );
}
