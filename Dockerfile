# Parley's app for docker-compose.yml; the database is the neo4j service (NEO4J_URI).
FROM node:20-bookworm-slim
WORKDIR /app
# The language parser (docs/nlp.md) runs spaCy in a venv built from the hash-pinned lock.
RUN apt-get update && apt-get install -y --no-install-recommends python3 python3-venv && rm -rf /var/lib/apt/lists/*
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN npx vite build --config client/vite.config.ts
RUN npm run nlp:install
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000
EXPOSE 3000
USER node
CMD ["node", "--import", "tsx", "server/main.ts"]
