/**
 * Just enough of nginx's config syntax to read `server_name` and `listen`
 * from a site file or from `nginx -T` output: comments stripped, statements
 * split on `;`, `{` and `}`. A single pass over the text (linear time).
 */
export interface ServerBlockFacts {
  names: string[];
  listens: string[][];
}

interface Statement {
  words: string[];
  depth: number;
  opensBlock: boolean;
}

function* statements(text: string): Generator<Statement> {
  let depth = 0;
  let current = '';
  let inComment = false;
  let quote: string | undefined;
  for (const char of text) {
    if (inComment) {
      if (char === '\n') inComment = false;
      continue;
    }
    if (quote) {
      current += char;
      if (char === quote) quote = undefined;
      continue;
    }
    if (char === '#') {
      inComment = true;
      continue;
    }
    if (char === '"' || char === "'") {
      quote = char;
      current += char;
      continue;
    }
    if (char === ';' || char === '{' || char === '}') {
      const words = current.trim().split(/\s+/).filter(Boolean);
      if (words.length > 0) yield { words, depth, opensBlock: char === '{' };
      current = '';
      if (char === '{') depth += 1;
      if (char === '}') depth = Math.max(0, depth - 1);
      continue;
    }
    current += char;
  }
}

/** The server blocks of a config text, with their server_name values and listen parameters. */
export function serverBlocks(text: string): ServerBlockFacts[] {
  const blocks: ServerBlockFacts[] = [];
  let open: { facts: ServerBlockFacts; depth: number } | undefined;
  for (const statement of statements(text)) {
    if (open && statement.depth <= open.depth) open = undefined;
    const [name, ...args] = statement.words;
    if (statement.opensBlock && name === 'server') {
      open = { facts: { names: [], listens: [] }, depth: statement.depth };
      blocks.push(open.facts);
      continue;
    }
    if (!open || statement.depth !== open.depth + 1) continue;
    if (name === 'server_name') open.facts.names.push(...args.map(unquote));
    if (name === 'listen') open.facts.listens.push(args);
  }
  return blocks;
}

function unquote(word: string): string {
  return word.replace(/^["']|["']$/g, '');
}

/** True when a listen's parameters put it on port 80 (`80`, `[::]:80`, `0.0.0.0:80`, `127.0.0.1:80`). */
export function listensOnPort(listen: string[], port: number): boolean {
  const address = listen[0] ?? '';
  if (address === String(port)) return true;
  return address.endsWith(`:${port}`);
}
