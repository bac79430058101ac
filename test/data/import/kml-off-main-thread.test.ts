/** KML is read where there is no DOMParser (the import worker, Node): with xmldom, same result. */
import { describe, expect, it } from 'vitest';
import { render } from '../../../src/i18n';
import { readKml } from '../../../src/data/import/read-kml';

const KML = `<?xml version="1.0" encoding="UTF-8"?>
<kml xmlns="http://www.opengis.net/kml/2.2"><Document>
<Placemark><name>昆区第一幼儿园</name><ExtendedData><Data name="学位"><value>360</value></Data></ExtendedData><Point><coordinates>109.80,40.65,0</coordinates></Point></Placemark>
<Placemark><name>钢铁大街幼儿园</name><Point><coordinates>109.81,40.66</coordinates></Point></Placemark>
</Document></kml>`;

describe('KML without a DOMParser', () => {
  it('parses placemarks with xmldom', () => {
    expect((globalThis as { DOMParser?: unknown }).DOMParser).toBeUndefined();
    const parsed = readKml({ name: 'a.kml', bytes: new TextEncoder().encode(KML) });
    expect(parsed.fatal).toBe(false);
    const sheet = parsed.sheets[0];
    expect(sheet.rows).toHaveLength(2);
    expect(JSON.stringify(sheet.rows)).toContain('昆区第一幼儿园');
  });

  it('a truncated file is refused with a Chinese message naming it', () => {
    const parsed = readKml({ name: 'cut.kml', bytes: new TextEncoder().encode(KML.slice(0, 200)) });
    expect(parsed.fatal).toBe(true);
    expect(render('zh', parsed.issues[0].message)).toContain('cut.kml');
  });
});
