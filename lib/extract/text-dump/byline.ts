import { trimTrailing } from "./trim-trailing";

// Bylines in copied pages are often glued to the date line: "Oleh Pavliuk, Yevhen KizilovFriday, 25 April 2025".

const BY_PREFIX = /^(?:by|from|author|authors|автор|автори|авторы|作者|记者|بقلم|par|von|por|लेखक)\s*[:：]?\s+/iu;
const NAME_SEPARATOR = /\s*,\s*|\s+(?:and|&|і|й|та|и|et|und|y|e|و)\s+/u;
const NAME_WORD = /^(?:\p{Lu}[\p{L}'’.-]*|de|da|di|del|der|van|von|al|el|bin|ibn|le|la)$/u;

/** The author names in a short credit text, or null when it does not read as a list of personal names. */
export function parseByline(text: string): string | null {
  const cleaned = trimTrailing(text.replace(BY_PREFIX, ""), /[\s,|·•—–-]/u).trim();
  if (!cleaned || cleaned.length > 120) return null;
  const names = cleaned.split(NAME_SEPARATOR).filter(Boolean);
  if (names.length === 0 || names.length > 6) return null;
  const allNames = names.every((name) => {
    const words = name.split(/\s+/);
    return words.length >= 2 && words.length <= 4 && words.every((w) => NAME_WORD.test(w)) && /^\p{Lu}/u.test(words[0]);
  });
  return allNames ? cleaned : null;
}

/** A standalone "By Jane Doe" line. */
export function bylineFromByLine(text: string): string | null {
  return BY_PREFIX.test(text) ? parseByline(text) : null;
}
