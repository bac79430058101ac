/** Opening a local .pmtiles file in the browser: read by byte ranges from the File, nothing uploaded. */
import { addProtocol } from 'maplibre-gl';
import { FileSource, PMTiles, Protocol } from 'pmtiles';
import { pmtilesInfoFrom, type PmtilesInfo } from './pmtiles-style';

let protocol: Protocol | null = null;

/** the pmtiles:// protocol, registered with MapLibre once */
function pmtilesProtocol(): Protocol {
  if (!protocol) {
    protocol = new Protocol();
    addProtocol('pmtiles', protocol.tile);
  }
  return protocol;
}

/** Open a PMTiles archive from a File the user picked and register it; its info builds the style. */
export async function openPmtilesFile(file: File): Promise<PmtilesInfo> {
  const archive = new PMTiles(new FileSource(file));
  const header = await archive.getHeader();
  const metadata = await archive.getMetadata().catch(() => ({}));
  pmtilesProtocol().add(archive);
  return pmtilesInfoFrom(archive.source.getKey(), header, metadata);
}
