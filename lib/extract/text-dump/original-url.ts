import { trimTrailing } from "./trim-trailing";

// A dump sometimes prints where it came from ("阅读原文:https://...", "Source: https://..."). Embedded
// social posts are URLs too, but they are quoted material, not the article's address.

const LABELLED_URL =
  /(?:阅读原文|原文链接|原文地址|来源|source|original(?:ly published (?:at|on|in))?|read the original(?: article)?|read more at|оригінал|джерело|оригинал|источник|المصدر|الرابط الأصلي|lien original|quelle|fuente|स्रोत)\s*[:：]?\s*(https?:\/\/[^\s<>"'）)]+)/iu;

const SOCIAL_HOSTS =
  /(?:^|\.)(?:x\.com|twitter\.com|t\.co|facebook\.com|fb\.com|instagram\.com|t\.me|telegram\.me|youtube\.com|youtu\.be|tiktok\.com|threads\.net|bsky\.app|linkedin\.com|vk\.com|weibo\.com)$/i;

export function isSocialUrl(url: string): boolean {
  try {
    return SOCIAL_HOSTS.test(new URL(url).hostname);
  } catch {
    return false;
  }
}

/** The article's own URL when the dump prints it behind a "read the original"/"source" label. */
export function findOriginalUrl(lines: string[]): string | null {
  for (const line of lines) {
    const m = LABELLED_URL.exec(line);
    if (!m) continue;
    const url = trimTrailing(m[1], /[.,;:!?]/);
    if (!isSocialUrl(url) && URL.canParse(url)) return url;
  }
  return null;
}
