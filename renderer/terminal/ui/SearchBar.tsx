import { useEffect, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { TerminalTab } from '../terminal-tab';

const DECORATIONS = {
  matchBackground: '#f2cc6080',
  activeMatchBackground: '#f28c28',
  matchOverviewRuler: '#f2cc60',
  activeMatchColorOverviewRuler: '#f28c28',
};

/** Ctrl/Cmd+F: find in the active terminal's scrollback. Enter = next, Shift+Enter = previous, Escape closes. */
export function SearchBar({ tab }: { tab: TerminalTab }) {
  const { t } = useTranslation('ssh');
  const input = useRef<HTMLInputElement>(null);
  const [query, setQuery] = useState('');
  const [results, setResults] = useState<{ index: number; count: number }>();
  useEffect(() => {
    input.current?.focus();
    const subscription = tab.search.onDidChangeResults(({ resultIndex, resultCount }) => setResults({ index: resultIndex, count: resultCount }));
    return () => subscription.dispose();
  }, [tab]);
  const find = (forward: boolean, text = query, incremental = false) => {
    if (!text) return tab.search.clearDecorations();
    const options = { decorations: DECORATIONS, incremental };
    if (forward) tab.search.findNext(text, options);
    else tab.search.findPrevious(text, options);
  };
  const onKey = (event: KeyboardEvent<HTMLInputElement>) => {
    if (event.key === 'Enter') {
      event.preventDefault();
      find(!event.shiftKey);
    } else if (event.key === 'Escape') {
      event.preventDefault();
      tab.setSearchOpen(false);
    }
  };
  return (
    <div className="terminal-search" role="search" data-testid="terminal-search">
      <input
        ref={input}
        type="search"
        aria-label={t('terminal.find')}
        placeholder={t('terminal.findPlaceholder')}
        value={query}
        onChange={(e) => {
          setQuery(e.target.value);
          find(true, e.target.value, true);
        }}
        onKeyDown={onKey}
      />
      <span className="muted search-count" aria-live="polite">
        {query && results ? (results.count === 0 ? t('terminal.noMatches') : t('terminal.matches', { index: Math.max(1, results.index + 1), count: results.count })) : ''}
      </span>
      <button type="button" onClick={() => find(false)} aria-label={t('terminal.findPrevious')} title={t('terminal.findPrevious')}>
        ↑
      </button>
      <button type="button" onClick={() => find(true)} aria-label={t('terminal.findNext')} title={t('terminal.findNext')}>
        ↓
      </button>
      <button type="button" onClick={() => tab.setSearchOpen(false)} aria-label={t('terminal.findClose')} title={t('terminal.findClose')}>
        ✕
      </button>
    </div>
  );
}
