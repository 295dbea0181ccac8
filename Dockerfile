# armsgraph for production (issue [13]): `docker build -t armsgraph .` (not built in this project's CI: its
# machine has no Docker engine; docs/deploy.md says how to run it).
# Stage 1: every dependency, to build the dashboard (Vite) into dist/web.
FROM node:20-bookworm-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY . .
RUN node tools/build-web.mjs --force

# Stage 2: production dependencies only.
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund

# Stage 3: what runs: sources (run by tsx, a production dependency), schema, seeds, the built dashboard.
FROM node:20-bookworm-slim
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
WORKDIR /app
COPY --from=deps --chown=node:node /app/node_modules ./node_modules
COPY --chown=node:node package.json ./
COPY --chown=node:node bin ./bin
COPY --chown=node:node src ./src
COPY --chown=node:node schema ./schema
COPY --chown=node:node seeds ./seeds
COPY --from=build --chown=node:node /app/dist/web ./dist/web
USER node
EXPOSE 4000
HEALTHCHECK --interval=10s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:' + (process.env.PORT || 4000) + '/health/ready').then((r) => process.exit(r.ok ? 0 : 1), () => process.exit(1))"
# With NEO4J_URI set the store is Neo4j; replicas serve what the database holds (`--no-load`): load it once with
# `docker compose run --rm load` (or `armsgraph load --store neo4j`), not from every replica at start.
# ARMSGRAPH_WORKERS=N serves from N processes (one per core); the V8 flag is the serving processes' (src/workers.ts).
CMD ["node", "--max-semi-space-size=64", "bin/armsgraph.js", "serve", "--no-load"]
