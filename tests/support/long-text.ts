// Long article text for size tests: sentences of pseudo-random words from a large vocabulary, so that word,
// shingle and term sets grow with the length as a real giant page's would (a repeated paragraph would not).

/** About `chars` characters of paragraphs (150 words) of sentences (15 words), the same for the same seed. */
export function longText(chars: number, seed = 7): string {
  const paragraphs: string[] = [];
  let length = 0;
  let x = seed;
  const word = () => {
    x = (x * 1103515245 + 12345) % 2147483648;
    return `w${(x % 500_000).toString(36)}`;
  };
  while (length < chars) {
    const sentences: string[] = [];
    for (let s = 0; s < 10; s++) {
      const words = Array.from({ length: 15 }, word);
      sentences.push(`${words[0].toUpperCase()} ${words.slice(1).join(" ")}.`);
    }
    const paragraph = sentences.join(" ");
    paragraphs.push(paragraph);
    length += paragraph.length + 2;
  }
  return paragraphs.join("\n\n");
}
