// subset-font 2.9 ships no types, and @types/subset-font (2.3) lacks `noHinting`, which png-fonts.ts passes: the part
// of its API this project calls, as its index.js reads its options.
declare module 'subset-font' {
  interface SubsetFontOptions {
    /** The output format; the input's when absent. */
    targetFormat?: 'sfnt' | 'woff' | 'woff2' | 'truetype';
    /** Drop the hinting instructions (HarfBuzz's HB_SUBSET_FLAGS_NO_HINTING). */
    noHinting?: boolean;
  }
  /** The font cut down to the glyphs that draw `text`. */
  function subsetFont(font: Buffer, text: string, options?: SubsetFontOptions): Promise<Buffer>;
  export = subsetFont;
}
