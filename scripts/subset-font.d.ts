/** subset-font has no types: the one call scripts/make-pdf-font.ts makes. */
declare module 'subset-font' {
  export default function subsetFont(font: Uint8Array, text: string, options?: { targetFormat?: 'sfnt' | 'truetype' | 'woff' | 'woff2' }): Promise<Uint8Array>;
}
