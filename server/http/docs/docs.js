// Renders /api/openapi.json as a readable page: no outside scripts, only DOM text (never HTML from the spec).
(async () => {
  const el = (tag, attrs = {}, ...children) => {
    const node = document.createElement(tag);
    for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
    for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
    return node;
  };
  const refName = (schema) => (schema && schema.$ref ? schema.$ref.split('/').pop() : null);
  const schemaView = (schema) => {
    const name = refName(schema);
    if (name) return el('a', { href: `#schema-${name}` }, name);
    return el('details', {}, el('summary', {}, 'schema'), el('pre', {}, JSON.stringify(schema, null, 2)));
  };
  const res = await fetch('/api/openapi.json');
  const spec = await res.json();
  document.getElementById('intro').textContent = `${spec.info.description} — OpenAPI ${spec.openapi}, version ${spec.info.version}. Raw document: /api/openapi.json`;
  const toc = document.getElementById('toc');
  const main = document.getElementById('operations');
  const byTag = new Map();
  for (const [path, methods] of Object.entries(spec.paths)) {
    for (const [method, op] of Object.entries(methods)) {
      const tag = (op.tags && op.tags[0]) || 'other';
      if (!byTag.has(tag)) byTag.set(tag, []);
      byTag.get(tag).push({ path, method, op });
    }
  }
  for (const tag of spec.tags || []) {
    const ops = byTag.get(tag.name);
    if (!ops) continue;
    toc.append(el('a', { href: `#tag-${tag.name}` }, tag.name));
    main.append(el('h2', { id: `tag-${tag.name}` }, `${tag.name} — ${tag.description || ''}`));
    for (const { path, method, op } of ops) {
      const box = el('section', { class: 'op', id: op.operationId });
      box.append(el('h3', {}, el('span', { class: `method ${method}` }, method), ' ', path));
      box.append(el('p', {}, el('strong', {}, op.summary || '')));
      if (op.description) box.append(el('p', {}, op.description));
      if (op.parameters && op.parameters.length) {
        const table = el('table', {}, el('tr', {}, el('th', {}, 'parameter'), el('th', {}, 'in'), el('th', {}, 'type'), el('th', {}, 'description')));
        for (const p of op.parameters) {
          const type = p.schema.type || (p.schema.enum ? 'enum' : '') || (p.schema.anyOf ? 'one of' : '');
          const extra = p.schema.enum ? ` (${p.schema.enum.join(', ')})` : p.schema.items && p.schema.items.enum ? ` of ${p.schema.items.enum.join(', ')}` : '';
          table.append(el('tr', {}, el('td', {}, el('code', {}, p.name + (p.required ? '' : '?'))), el('td', {}, p.in), el('td', {}, type + extra), el('td', {}, p.description || '')));
        }
        box.append(table);
      }
      if (op.requestBody) {
        const schema = op.requestBody.content['application/json'].schema;
        box.append(el('p', {}, 'Body (application/json): '), schemaView(schema));
      }
      const table = el('table', {}, el('tr', {}, el('th', {}, 'status'), el('th', {}, 'description'), el('th', {}, 'body')));
      for (const [status, r] of Object.entries(op.responses)) {
        const cell = el('td', {});
        for (const [type, c] of Object.entries(r.content || {})) cell.append(el('div', {}, `${type}: `, refName(c.schema) ? schemaView(c.schema) : c.schema.description || ''));
        table.append(el('tr', {}, el('td', {}, status), el('td', {}, r.description), cell));
      }
      box.append(table);
      main.append(box);
    }
  }
  const schemas = document.getElementById('schemas');
  for (const [name, schema] of Object.entries(spec.components.schemas)) {
    schemas.append(el('h3', { id: `schema-${name}` }, name), el('pre', {}, JSON.stringify(schema, null, 2)));
  }
})();
