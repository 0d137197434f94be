// Real-world feeds are often not well-formed XML: HTML entities like &nbsp; or &mdash; (undefined in XML) and bare
// ampersands in URLs. A strict parser refuses those, so when the first parse fails we repair just these two
// faults and try once more. Anything else broken stays broken.

// The HTML entities that actually turn up in news feeds; an unknown one still fails the parse, as it should.
const HTML_ENTITIES: Record<string, number> = {
  nbsp: 160,
  iexcl: 161,
  cent: 162,
  pound: 163,
  curren: 164,
  yen: 165,
  brvbar: 166,
  sect: 167,
  uml: 168,
  copy: 169,
  ordf: 170,
  laquo: 171,
  not: 172,
  shy: 173,
  reg: 174,
  macr: 175,
  deg: 176,
  plusmn: 177,
  sup2: 178,
  sup3: 179,
  acute: 180,
  micro: 181,
  para: 182,
  middot: 183,
  cedil: 184,
  sup1: 185,
  ordm: 186,
  raquo: 187,
  frac14: 188,
  frac12: 189,
  frac34: 190,
  iquest: 191,
  Agrave: 192,
  Aacute: 193,
  Acirc: 194,
  Atilde: 195,
  Auml: 196,
  Aring: 197,
  AElig: 198,
  Ccedil: 199,
  Egrave: 200,
  Eacute: 201,
  Ecirc: 202,
  Euml: 203,
  Igrave: 204,
  Iacute: 205,
  Icirc: 206,
  Iuml: 207,
  ETH: 208,
  Ntilde: 209,
  Ograve: 210,
  Oacute: 211,
  Ocirc: 212,
  Otilde: 213,
  Ouml: 214,
  times: 215,
  Oslash: 216,
  Ugrave: 217,
  Uacute: 218,
  Ucirc: 219,
  Uuml: 220,
  Yacute: 221,
  THORN: 222,
  szlig: 223,
  agrave: 224,
  aacute: 225,
  acirc: 226,
  atilde: 227,
  auml: 228,
  aring: 229,
  aelig: 230,
  ccedil: 231,
  egrave: 232,
  eacute: 233,
  ecirc: 234,
  euml: 235,
  igrave: 236,
  iacute: 237,
  icirc: 238,
  iuml: 239,
  eth: 240,
  ntilde: 241,
  ograve: 242,
  oacute: 243,
  ocirc: 244,
  otilde: 245,
  ouml: 246,
  divide: 247,
  oslash: 248,
  ugrave: 249,
  uacute: 250,
  ucirc: 251,
  uuml: 252,
  yacute: 253,
  thorn: 254,
  yuml: 255,
  OElig: 338,
  oelig: 339,
  Scaron: 352,
  scaron: 353,
  Yuml: 376,
  fnof: 402,
  circ: 710,
  tilde: 732,
  ensp: 8194,
  emsp: 8195,
  thinsp: 8201,
  zwnj: 8204,
  zwj: 8205,
  lrm: 8206,
  rlm: 8207,
  ndash: 8211,
  mdash: 8212,
  lsquo: 8216,
  rsquo: 8217,
  sbquo: 8218,
  ldquo: 8220,
  rdquo: 8221,
  bdquo: 8222,
  dagger: 8224,
  Dagger: 8225,
  bull: 8226,
  hellip: 8230,
  permil: 8240,
  prime: 8242,
  Prime: 8243,
  lsaquo: 8249,
  rsaquo: 8250,
  euro: 8364,
  trade: 8482,
  larr: 8592,
  rarr: 8594,
  minus: 8722,
};
const XML_ENTITIES = new Set(["amp", "lt", "gt", "quot", "apos"]);

const CDATA = /(<!\[CDATA\[[\s\S]*?\]\]>)/;

function repairSegment(s: string): string {
  return s.replace(
    /&(?:([A-Za-z][A-Za-z0-9]{0,31});|(#\d{1,7};|#x[0-9A-Fa-f]{1,6};))?/g,
    (all, name?: string, numeric?: string) => {
      if (numeric) return all;
      if (name === undefined) return "&amp;"; // a bare ampersand
      if (XML_ENTITIES.has(name)) return all;
      const code = HTML_ENTITIES[name];
      return code ? `&#${code};` : all;
    },
  );
}

/** Rewrites HTML entities to numeric references and escapes bare ampersands, leaving CDATA sections alone. */
export function repairXml(xml: string): string {
  return xml
    .split(CDATA)
    .map((part, i) => (i % 2 === 1 ? part : repairSegment(part)))
    .join("");
}

// XML 1.0 allows no C0 control character but tab, newline and carriage return, nor U+FFFE/U+FFFF. Feeds that
// paste text from elsewhere carry them (Miniflux meets "\x10" in titles); sax lets them through into titles, where
// they are invisible noise, so they are removed. They are not text: nothing a reader could see is lost.
const ILLEGAL_XML_CHARS = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g;

export function stripIllegalXmlChars(xml: string): string {
  return xml.replace(ILLEGAL_XML_CHARS, "");
}
