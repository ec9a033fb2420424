// Escaping for the markup we write as strings: XML and HTML text and attributes (SVG text, the RSS feed, the embed
// code, the review report), and JSON inside a <script>. Astro templates and linkedom escape what they write
// themselves.
// In-house on purpose: html-escaper, escape-html and entities also write ' as &#39; or &apos;, which would change the
// embed code readers copy ("China's ...") and the image SVGs. These are the four replacements every caller made.

/** Text or an attribute value (in double quotes) for XML or HTML: & < > " as entities. */
export const escapeXml = (text: string) =>
  text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** JSON for a <script> element: < > & as \u escapes, so no string in it (a title with "</script>") can end the
 * element, and the value read back is the same. */
export const scriptJson = (value: unknown) =>
  JSON.stringify(value).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026');
