// XML 1.0 text for the GraphML and GEXF writers: escaping and removal of characters XML 1.0 cannot carry.

/**
 * Characters XML 1.0 does not allow even as character references: C0 controls other than tab, newline and carriage
 * return, U+FFFE, U+FFFF and unpaired surrogates.
 */
const NOT_XML_1_0 = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

const REFERENCES: Readonly<Record<string, string>> = {
  '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&apos;', '\t': '&#9;', '\n': '&#10;', '\r': '&#13;',
};

/** Removes the characters XML 1.0 cannot represent (see NOT_XML_1_0); everything else is kept. */
export function stripInvalidXmlChars(value: string): string {
  return value.replace(NOT_XML_1_0, '');
}

/**
 * Escapes a string for XML element content and attribute values alike: `& < > " '` become entities, and tab,
 * newline and carriage return become character references so parsers' attribute and end-of-line normalisation
 * keep them. Characters XML 1.0 cannot carry are removed (so those strings do not round-trip exactly).
 */
export function escapeXml(value: string): string {
  return stripInvalidXmlChars(value).replace(/[&<>"'\t\n\r]/g, (c) => REFERENCES[c] ?? c);
}
