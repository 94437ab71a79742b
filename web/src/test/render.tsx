// Renders a component to HTML with the app's providers (react-query with a filled cache, a
// router at `path`), for tests of what a component shows: real React, no DOM; effects do not run.
import type { ReactElement } from 'react';
import { renderToString } from 'react-dom/server';
import { QueryClient, QueryClientProvider, type QueryKey } from '@tanstack/react-query';
import { MemoryRouter } from 'react-router';
import type { MeResponse } from '../types';
import { makePartner } from './fixtures';

export function makeMe(over: Partial<MeResponse['profile']> = {}): MeResponse {
  return {
    user: { id: 'bob', name: 'Bob', email: 'bob@example.com', createdAt: '2026-01-01T00:00:00.000Z' },
    profile: { ...makePartner().profile, timezone: 'Europe/Paris', ...over },
    profileComplete: true,
  };
}

export function renderHtml(
  element: ReactElement,
  { me = makeMe(), cache = [], path = '/' }: { me?: MeResponse; cache?: Array<[QueryKey, unknown]>; path?: string } = {},
): string {
  const qc = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: Infinity } } });
  qc.setQueryData(['me'], me);
  for (const [key, data] of cache) qc.setQueryData(key, data);
  return renderToString(
    <QueryClientProvider client={qc}>
      <MemoryRouter initialEntries={[path]}>{element}</MemoryRouter>
    </QueryClientProvider>,
  );
}

/** The text of some HTML, tags dropped and spaces collapsed: what a person reads. */
export function textOf(html: string): string {
  return html
    .replace(/<!-- -->/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&#x27;/g, "'")
    .replace(/&quot;/g, '"')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ')
    .trim();
}
