/** Corpus cases: GeoJSON, zipped shapefiles and KML/KMZ. */
import { fromWgs84Fn, type CrsId } from '../../../src/data/coords/crs';
import { esriWktOf } from '../../../src/data/coords/prj';
import { writeShapefile } from '../../../src/data/export/shapefile';
import { zipStore } from '../../../src/data/export/zip';
import { KG_TRUTH, TRUTH_ALL, gbk, kgShapefileZip, utf8, utf8Bom, type CorpusEntry } from './corpus-base';
import type { CorpusCase } from './corpus-cases-csv';

function kgFeatures(crs: CrsId = 'wgs84', keys = ['编号', '名称', '办园性质', '班级数', '学位数']): unknown[] {
  const f = fromWgs84Fn(crs);
  return KG_TRUTH.map((k) => ({
    type: 'Feature',
    properties: { [keys[0]]: k.id, [keys[1]]: k.name, [keys[2]]: k.typeZh, [keys[3]]: k.classes, [keys[4]]: k.places },
    geometry: { type: 'Point', coordinates: f(k.lon, k.lat) },
  }));
}

const fc = (features: unknown[], extra: Record<string, unknown> = {}): string => JSON.stringify({ type: 'FeatureCollection', ...extra, features });

function square(lon: number, lat: number, d = 0.004): number[][][] {
  return [[[lon, lat], [lon + d, lat], [lon + d, lat + d], [lon, lat + d], [lon, lat]]];
}

function kml(encodingDecl: string | null, placemarks: string): string {
  return `${encodingDecl ? `<?xml version="1.0" encoding="${encodingDecl}"?>\n` : ''}<kml xmlns="http://www.opengis.net/kml/2.2"><Document><name>幼儿园</name>${placemarks}</Document></kml>\n`;
}

function kgPlacemarks(description = ''): string {
  return KG_TRUTH.map(
    (k) =>
      `<Placemark><name>${k.name}</name>${description ? `<description><![CDATA[${description}]]></description>` : ''}<ExtendedData><Data name="编号"><value>${k.id}</value></Data><Data name="办园性质"><value>${k.typeZh}</value></Data><Data name="班级数"><value>${k.classes}</value></Data><Data name="学位数"><value>${k.places}</value></Data></ExtendedData><Point><coordinates>${k.lon},${k.lat},0</coordinates></Point></Placemark>`,
  ).join('');
}

export function geoCases(): CorpusCase[] {
  const c: CorpusCase[] = [];
  const add = (file: string, note: string, bytes: Uint8Array, expect: CorpusEntry['expect'], options?: CorpusEntry['options'], layer: CorpusEntry['layer'] = 'kindergartens'): void => {
    c.push({ file, layer, note, bytes, expect, options });
  };
  const loads8 = { rows: 8, truth: TRUTH_ALL, truthTolM: 0.5 };
  // GeoJSON
  add('geojson/kg.geojson', 'points with Chinese property names', utf8(fc(kgFeatures())), { ...loads8, firstRow: { name: '昆都仑区第一幼儿园' } });
  add('geojson/kg_english.geojson', 'English property names', utf8(fc(kgFeatures('wgs84', ['id', 'name', 'type', 'classes', 'places']))), loads8);
  add('geojson/kg_bom.geojson', 'GeoJSON with BOM', utf8Bom(fc(kgFeatures())), loads8);
  add('geojson/kg_gbk.geojson', 'GeoJSON saved as GBK', gbk(fc(kgFeatures())), { ...loads8, encoding: 'gb18030' });
  const full = fc(kgFeatures());
  add('geojson/kg_truncated.geojson', 'truncated GeoJSON', utf8(full.slice(0, Math.floor(full.length * 0.6))), { fatal: true, issues: [{ messageContains: '截断' }] });
  add('geojson/kg_not_fc.geojson', 'JSON that is not GeoJSON', utf8('{"type":"Topology","objects":{}}'), { fatal: true, issues: [{ messageContains: 'FeatureCollection' }] });
  add('geojson/kg_feature.geojson', 'a single Feature', utf8(JSON.stringify(kgFeatures()[0])), { rows: 1 });
  const nullGeom = kgFeatures() as { geometry: unknown }[];
  nullGeom[2].geometry = null;
  add('geojson/kg_null_geometry.geojson', 'a feature without geometry', utf8(fc(nullGeom)), { rows: 7, issues: [{ messageContains: '缺少几何', row: 3, column: '几何' }] });
  const strCoords = kgFeatures() as { geometry: { coordinates: unknown } }[];
  strCoords[4].geometry.coordinates = ['东经109度', '北纬40度'];
  add('geojson/kg_string_coords.geojson', 'coordinates that are not numbers', utf8(fc(strCoords)), { rows: 7, issues: [{ messageContains: '几何坐标无效', row: 5 }] });
  add('geojson/kg_crs_4525.geojson', 'old-style "crs" member naming EPSG:4525', utf8(fc(kgFeatures('epsg:4525'), { crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::4525' } } })), { ...loads8, crs: 'epsg:4525', confidence: 'certain' });
  add('geojson/kg_empty.geojson', 'a FeatureCollection without features', utf8(fc([])), { fatal: true, issues: [{ messageContains: '没有要素' }] });
  add('geojson/kg_gcj02_datav.geojson', 'GCJ-02 (file name says gcj02)', utf8(fc(kgFeatures('gcj02'))), { ...loads8, crs: 'gcj02' });
  const comm = [0, 1, 2].map((i) => ({ type: 'Feature', properties: { 小区编号: `C${i + 1}`, 小区名称: `小区${i + 1}`, 户数: 300 + i }, geometry: { type: 'Polygon', coordinates: square(109.80 + i * 0.01, 40.65) } }));
  add('geojson/communities.geojson', 'community polygons', utf8(fc(comm)), { rows: 3, firstRow: { id: 'C1', geometry: JSON.stringify(comm[0].geometry) } }, undefined, 'communities');
  const bow = JSON.parse(JSON.stringify(comm));
  bow[1].geometry.coordinates = [[[109.81, 40.65], [109.814, 40.654], [109.814, 40.65], [109.81, 40.654], [109.81, 40.65]]];
  add('geojson/communities_bowtie.geojson', 'a self-intersecting polygon', utf8(fc(bow)), { rows: 2, issues: [{ messageContains: '自相交', row: 2 }] }, undefined, 'communities');
  const g = fromWgs84Fn('gcj02');
  const gcjComm = comm.map((ft) => ({ ...ft, geometry: { type: 'Polygon', coordinates: (ft.geometry.coordinates as number[][][]).map((r) => r.map(([x, y]) => g(x, y))) } }));
  add('geojson/communities_高德.geojson', 'GCJ-02 polygons converted vertex by vertex', utf8(fc(gcjComm)), { rows: 3, crs: 'gcj02', truth: [[109.802, 40.652]], truthTolM: 0.5 }, undefined, 'communities');
  const admin = [{ type: 'Feature', properties: { 统计用区划代码: '150203001', 名称: '沙河街道' }, geometry: { type: 'MultiPolygon', coordinates: [square(109.70, 40.60, 0.02), square(109.75, 40.60, 0.01)] } }];
  add('geojson/admin_units.geojson', 'a MultiPolygon sub-district', utf8(fc(admin)), { rows: 1, firstRow: { code: '150203001', name: '沙河街道' } }, undefined, 'admin_units');
  const ring = [{ type: 'Feature', properties: { 小区编号: 'C9', 小区名称: '三角', 户数: 1 }, geometry: { type: 'Polygon', coordinates: [[[109.8, 40.6], [109.81, 40.6], [109.8, 40.6]]] } }];
  add('geojson/communities_short_ring.geojson', 'a polygon ring with 3 vertices', utf8(fc(ring)), { rows: 0, issues: [{ messageContains: '少于 4 个顶点' }] }, undefined, 'communities');
  // shapefiles
  add('shp/kg_utf8_cpg.zip', 'shapefile, UTF-8 DBF with .cpg', kgShapefileZip({ encoding: 'utf-8', cpg: 'UTF-8', prj: esriWktOf('wgs84') }), { ...loads8, encoding: 'utf-8', crs: 'wgs84', confidence: 'certain', firstRow: { name: '昆都仑区第一幼儿园' } });
  add('shp/kg_gbk_cpg.zip', 'shapefile, GBK DBF with .cpg 936', kgShapefileZip({ encoding: 'gbk', cpg: '936', prj: esriWktOf('cgcs2000') }), { ...loads8, encoding: 'gb18030', crs: 'cgcs2000', firstRow: { name: '昆都仑区第一幼儿园' } });
  add('shp/kg_gbk_no_cpg.zip', 'shapefile, GBK DBF without .cpg (detected)', kgShapefileZip({ encoding: 'gbk', prj: esriWktOf('wgs84') }), { ...loads8, encoding: 'gb18030', firstRow: { name: '昆都仑区第一幼儿园' } });
  add('shp/kg_utf8_no_cpg.zip', 'shapefile, UTF-8 DBF without .cpg (detected)', kgShapefileZip({ encoding: 'utf-8', prj: esriWktOf('wgs84') }), { ...loads8, encoding: 'utf-8', firstRow: { name: '昆都仑区第一幼儿园' } });
  add('shp/kg_wrong_cpg.zip', '.cpg says UTF-8 but the DBF is GBK', kgShapefileZip({ encoding: 'gbk', cpg: 'UTF-8', prj: esriWktOf('wgs84') }), { ...loads8, firstRow: { name: '昆都仑区第一幼儿园' }, issues: [{ messageContains: '.cpg 声明', severity: 'warning' }] });
  add('shp/kg_gk_zone37.zip', 'shapefile in CGCS2000 GK zone 37 (.prj)', kgShapefileZip({ encoding: 'gbk', crs: 'epsg:4525', prj: esriWktOf('epsg:4525') }), { ...loads8, crs: 'epsg:4525', confidence: 'certain' });
  add('shp/kg_gk_cm111.zip', 'shapefile in CGCS2000 GK CM 111E (.prj, no prefix)', kgShapefileZip({ encoding: 'utf-8', cpg: 'UTF-8', crs: 'epsg:4546', prj: esriWktOf('epsg:4546') }), { ...loads8, crs: 'epsg:4546', confidence: 'certain' });
  add('shp/kg_no_prj.zip', 'shapefile without .prj', kgShapefileZip({ encoding: 'utf-8' }), { rows: 8, confidence: 'uncertain', issues: [{ messageContains: '缺少“kindergartens.prj”', severity: 'warning' }] });
  add('shp/kg_truncated.zip', 'truncated zip', kgShapefileZip({ encoding: 'utf-8' }).slice(0, 400), { fatal: true, issues: [{ messageContains: '损坏或被截断' }] });
  add('shp/kg_no_shp.zip', 'zip without a shapefile', zipStore([{ name: 'readme.txt', bytes: utf8('说明') }, { name: 'b.doc', bytes: utf8('x') }]), { fatal: true, issues: [{ messageContains: '没有可导入的文件' }] });
  add('shp/kg_dbf_truncated.zip', 'DBF cut short inside a valid zip', kgShapefileZip({ encoding: 'utf-8', cpg: 'UTF-8', cutDbf: 150 }), { rows: 6, issues: [{ messageContains: 'DBF 属性表被截断' }] });
  add('shp/kg_no_dbf.zip', 'shapefile without its .dbf', kgShapefileZip({ encoding: 'utf-8', dropDbf: true }), { fatal: true, issues: [{ messageContains: '缺少必需的列' }] });
  add('shp/kg_bd09_in_name.zip', 'BD-09 shapefile, layer named …_bd09', kgShapefileZip({ encoding: 'utf-8', crs: 'bd09', base: '幼儿园_bd09' }), { ...loads8, crs: 'bd09' });
  const polys = [0, 1].map((i) => ({ geometry: { type: 'Polygon', coordinates: square(109.80 + i * 0.01, 40.65) }, properties: { BH: `C${i + 1}`, MC: `小区${i + 1}`, HS: 100 + i } }));
  const ps = writeShapefile(polys, [{ name: 'BH', type: 'C', length: 10 }, { name: 'MC', type: 'C', length: 40 }, { name: 'HS', type: 'N', length: 8 }], { shapeType: 'polygon', encoding: 'gbk' });
  add('shp/communities_polygons.zip', 'polygon shapefile (GBK, no .cpg), columns mapped by hand', zipStore([{ name: 'xq.shp', bytes: ps.shp }, { name: 'xq.shx', bytes: ps.shx }, { name: 'xq.dbf', bytes: ps.dbf }, { name: 'xq.prj', bytes: utf8(esriWktOf('cgcs2000')) }]), { rows: 2, firstRow: { id: 'C1', name: '小区1', households: 100 } }, { mapping: { id: 0, name: 1, households: 2 } }, 'communities');
  // KML
  add('kml/kg.kml', 'KML placemarks with ExtendedData', utf8(kml('UTF-8', kgPlacemarks())), { ...loads8, crs: 'wgs84', confidence: 'likely', firstRow: { name: '昆都仑区第一幼儿园', id: 'K01' } });
  add('kml/kg_gbk.kml', 'KML declared and saved as GBK', gbk(kml('GBK', kgPlacemarks())), { ...loads8, encoding: 'gb18030', firstRow: { name: '昆都仑区第一幼儿园' } });
  add('kml/kg_wrong_decl.kml', 'KML declared UTF-8 but saved as GBK', gbk(kml('UTF-8', kgPlacemarks())), { ...loads8, firstRow: { name: '昆都仑区第一幼儿园' }, issues: [{ messageContains: '声明为 UTF-8', severity: 'warning' }] });
  const k = kml('UTF-8', kgPlacemarks());
  add('kml/kg_truncated.kml', 'truncated KML', utf8(k.slice(0, Math.floor(k.length / 2))), { fatal: true, issues: [{ messageContains: '不是有效的 KML' }] });
  add('kml/kg.kmz', 'KMZ (zipped KML)', zipStore([{ name: 'doc.kml', bytes: utf8(k) }]), loads8);
  add('kml/kg_html_description.kml', 'HTML in descriptions stays text', utf8(kml('UTF-8', kgPlacemarks('<table><tr><td onclick="alert(1)">详情</td></tr></table>'))), { rows: 8, firstRow: { name: '昆都仑区第一幼儿园' } });
  add('kml/kg_no_placemarks.kml', 'XML that is not KML', utf8('<?xml version="1.0"?><gpx><trk/></gpx>'), { fatal: true, issues: [{ messageContains: '没有 KML 内容' }] });
  return c;
}
