// Undeclared bytes that are not UTF-8 were read as windows-1252, which turns an unlabelled Korean, Chinese or
// Japanese feed into Latin mojibake ("ÇÑ±Û" for "한글"). These double-byte encodings leave a clear trace: decoded
// strictly, the right one yields nearly only its own script, the wrong ones fail or yield a mix. Japanese is tried
// first because Shift_JIS kana decode as Hangul under EUC-KR (its lead bytes overlap), not the other way round;
// Korean before Chinese because Hangul bytes also decode as common hanzi under GBK.

/** Enough text to judge; the decision is made on this prefix so that a 10 MB body costs no more than 64 KB. */
const SAMPLE_BYTES = 64 * 1024;
/** Fewer non-ASCII characters than this is no evidence (a Latin-1 "Ä" followed by a letter is valid EUC-KR). */
const MIN_CHARS = 4;

interface Candidate {
  encoding: string;
  /** Characters that show the text really is in this encoding's language. */
  script: RegExp;
  /** Share of the non-ASCII characters that must be in that script. */
  share: number;
}

const KANA = /[\u3040-\u30ff]/gu;
const CANDIDATES: Candidate[] = [
  // Japanese prose is a third or more kana; kanji alone do not tell it from Chinese.
  { encoding: "shift_jis", script: KANA, share: 0.2 },
  { encoding: "euc-jp", script: KANA, share: 0.2 },
  { encoding: "euc-kr", script: /[\uac00-\ud7a3]/gu, share: 0.8 },
  { encoding: "gb18030", script: /[\u4e00-\u9fff]/gu, share: 0.8 },
  { encoding: "big5", script: /[\u4e00-\u9fff]/gu, share: 0.8 },
];

function strictDecode(sample: Uint8Array, encoding: string): string | null {
  try {
    // stream: the sample may end in the middle of a character.
    return new TextDecoder(encoding, { fatal: true }).decode(sample, { stream: true });
  } catch {
    return null;
  }
}

/** The double-byte legacy encoding that undeclared, non-UTF-8 bytes are evidently in, or null. */
export function sniffLegacyEncoding(body: Uint8Array): string | null {
  const sample = body.subarray(0, SAMPLE_BYTES);
  for (const { encoding, script, share } of CANDIDATES) {
    const text = strictDecode(sample, encoding);
    if (text === null) continue;
    const nonAscii = text.match(/[^\u0000-\u007f]/gu)?.length ?? 0;
    if (nonAscii < MIN_CHARS) continue;
    const inScript = text.match(script)?.length ?? 0;
    if (inScript / nonAscii >= share) return encoding;
  }
  return null;
}
