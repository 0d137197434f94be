import { franc } from "franc-min";

// franc-min answers in ISO 639-3 (individual languages, e.g. "arb" for Standard Arabic, "cmn" for Mandarin);
// the rest of the app speaks ISO 639-1. This covers every code franc-min can return that has a 639-1 code.
const ISO_639_3_TO_1: Record<string, string> = {
  amh: "am",
  arb: "ar",
  azj: "az",
  bel: "be",
  ben: "bn",
  bos: "bs",
  bul: "bg",
  ces: "cs",
  ckb: "ku",
  cmn: "zh",
  deu: "de",
  ell: "el",
  eng: "en",
  fra: "fr",
  fuv: "ff",
  guj: "gu",
  hau: "ha",
  hin: "hi",
  hrv: "hr",
  hun: "hu",
  ibo: "ig",
  ind: "id",
  ita: "it",
  jav: "jv",
  jpn: "ja",
  kan: "kn",
  kaz: "kk",
  kin: "rw",
  kor: "ko",
  lin: "ln",
  mal: "ml",
  mar: "mr",
  mya: "my",
  nld: "nl",
  npi: "ne",
  nya: "ny",
  pan: "pa",
  pbu: "ps",
  pes: "fa",
  plt: "mg",
  pol: "pl",
  por: "pt",
  qug: "qu",
  ron: "ro",
  run: "rn",
  rus: "ru",
  sin: "si",
  som: "so",
  spa: "es",
  srp: "sr",
  sun: "su",
  swe: "sv",
  swh: "sw",
  tam: "ta",
  tel: "te",
  tgl: "tl",
  tha: "th",
  tur: "tr",
  ukr: "uk",
  urd: "ur",
  uzn: "uz",
  vie: "vi",
  yor: "yo",
  zlm: "ms",
  zul: "zu",
};

// Below this many letters a trigram guess is noise (a headline fragment, a byline), so we say "unknown".
const MIN_LETTERS = 20;
// Trigram models get slow and gain nothing past a few thousand characters of prose.
const SAMPLE_CHARS = 4000;

/** ISO 639-1 code of the text's language, or null when it is too short or unrecognised. */
export function detectLanguage(text: string): string | null {
  const sample = text
    .replace(/https?:\/\/\S+/g, " ") // URLs are Latin noise inside non-Latin prose
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, SAMPLE_CHARS);
  const letters = sample.match(/\p{L}/gu)?.length ?? 0;
  if (letters < MIN_LETTERS) return null;
  const code = franc(sample, { minLength: 1 });
  return ISO_639_3_TO_1[code] ?? null;
}
