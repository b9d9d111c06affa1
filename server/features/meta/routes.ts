/** The OpenAPI document and the page that renders it (served from server/http/docs/, no CDN). */
import path from 'node:path';
import type { metaRoutes } from '../../contract/meta.ts';
import type { Config } from '../../config.ts';
import type { RouteTable } from '../../contract/route.ts';
import type { Handlers } from '../../http/mount.ts';
import { buildOpenApi } from '../../http/openapi.ts';
import { DOCS_DIR } from '../../paths.ts';

export function metaHandlers(table: RouteTable, config: Pick<Config, 'writeTokens'>): Handlers<typeof metaRoutes> {
  const spec = buildOpenApi(table);
  return {
    meta: () => ({ writes: { enabled: config.writeTokens.length > 0 } }),
    openApi: () => spec,
    docsPage: (_input, res) => res.sendFile(path.join(DOCS_DIR, 'index.html')),
  };
}
