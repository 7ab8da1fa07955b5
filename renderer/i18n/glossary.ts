/**
 * Reads docs/GLOSSARY.md's table and checks Korean UI text against it (used by
 * locales.test.ts). Linear in the text: one pass per term with a fixed pattern.
 */
export interface GlossaryTerm {
  english: string;
  korean: string;
  treatment: 'translate' | 'keep';
  /** Korean words not to use for this term. */
  avoid: string[];
}

/** The rows of the glossary's table (| English | Korean | Treatment | Avoid | Note |). */
export function parseGlossary(markdown: string): GlossaryTerm[] {
  const terms: GlossaryTerm[] = [];
  for (const line of markdown.split('\n')) {
    if (!line.startsWith('|')) continue;
    const cells = line.split('|').slice(1, -1).map((cell) => cell.trim());
    const [english = '', korean = '', treatment = '', avoid = ''] = cells;
    if (treatment !== 'translate' && treatment !== 'keep') continue; // the header and the --- row
    terms.push({ english, korean, treatment, avoid: avoid ? avoid.split(',').map((word) => word.trim()) : [] });
  }
  return terms;
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** Text a reader sees as written, not translated: `code`, "quoted" names, {{placeholders}}, $t(nesting), ~/paths. */
function withoutLiterals(text: string): string {
  return text.replace(/`[^`]*`|"[^"]*"|\{\{[^}]*\}\}|\$t\([^)]*\)|~?\/[\w./-]+/g, ' ');
}

interface Compiled {
  kept: RegExp[];
  translated: { term: GlossaryTerm; pattern: RegExp }[];
}
const compiled = new WeakMap<readonly GlossaryTerm[], Compiled>();
const wordPattern = (english: string, flags: string) => new RegExp(`(?<![\\w-])${escape(english)}(?![\\w-])`, flags);

function compile(glossary: readonly GlossaryTerm[]): Compiled {
  let result = compiled.get(glossary);
  if (!result) {
    result = {
      kept: glossary.filter((term) => term.treatment === 'keep').map((term) => wordPattern(term.english, 'g')),
      translated: glossary.filter((term) => term.treatment === 'translate').map((term) => ({ term, pattern: wordPattern(term.english, 'i') })),
    };
    compiled.set(glossary, result);
  }
  return result;
}

/** What is wrong with one Korean string: English words that have a Korean term, avoided words, 합니다체. */
export function koreanProblems(text: string, glossary: readonly GlossaryTerm[]): string[] {
  const { kept, translated } = compile(glossary);
  const problems: string[] = [];
  let prose = withoutLiterals(text);
  for (const pattern of kept) prose = prose.replace(pattern, ' ');
  for (const { term, pattern } of translated) if (pattern.test(prose)) problems.push(`"${term.english}" should be ${term.korean}`);
  for (const term of glossary) for (const word of term.avoid) if (text.includes(word)) problems.push(`"${word}" should be ${term.korean}`);
  if (/(습니다|[가-힣]니다|십시오)(?=[.!?)\s]|$)/.test(text)) problems.push('합니다체: write 해요체');
  return problems;
}
