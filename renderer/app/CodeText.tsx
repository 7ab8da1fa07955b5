import { Fragment } from 'react';

/**
 * A translated sentence whose commands are written in `backticks` (the locale
 * files' convention): the commands show as code, never with raw backticks.
 */
export function CodeText({ text }: { text: string }) {
  const parts = text.split(/`([^`]+)`/);
  if (parts.length === 1) return <>{text}</>;
  return (
    <>
      {parts.map((part, index) => (index % 2 === 1 ? <code key={index}>{part}</code> : <Fragment key={index}>{part}</Fragment>))}
    </>
  );
}
