/** The OpenAPI document and the page that renders it (served from server/http/docs/, no CDN). */
import path from 'node:path';
import type { metaRoutes } from '../../contract/meta.ts';
import type { RouteTable } from '../../contract/route.ts';
import type { Handlers } from '../../http/mount.ts';
import { buildOpenApi } from '../../http/openapi.ts';
import { DOCS_DIR } from '../../paths.ts';

export function metaHandlers(table: RouteTable): Handlers<typeof metaRoutes> {
  const spec = buildOpenApi(table);
  return {
    openApi: () => spec,
    docsPage: (_input, res) => res.sendFile(path.join(DOCS_DIR, 'index.html')),
  };
}
