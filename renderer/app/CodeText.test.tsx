import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { CodeText } from './CodeText';

describe('CodeText', () => {
  it('shows commands in backticks as code, without the backticks', () => {
    const html = renderToStaticMarkup(<CodeText text="Add a cron job: `0 3 * * * certbot renew -q`." />);
    expect(html).toBe('Add a cron job: <code>0 3 * * * certbot renew -q</code>.');
    expect(html).not.toContain('`');
  });

  it('leaves a sentence without commands as it is', () => {
    expect(renderToStaticMarkup(<CodeText text="Renewal timer is scheduled." />)).toBe('Renewal timer is scheduled.');
  });
});
