# One image for every process: the API, the worker and the admin CLI differ only by command.
# Node 26 is the current (Active) LTS since 28 October 2026; some dependencies need at least
# 22.22, 24.15 or 26.
ARG NODE_IMAGE=node:26-bookworm-slim

# Dependencies, including the build tools (SWC for the engine, Vite for the browser app).
FROM ${NODE_IMAGE} AS deps
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund

# The API, worker and CLI (dist/apps) and the browser app (dist/web), then only what runs.
FROM deps AS build
COPY . .
RUN npm run build && npm prune --omit=dev --no-audit --no-fund && npm cache clean --force

FROM ${NODE_IMAGE}
WORKDIR /app
ENV NODE_ENV=production DATA_DIR=/app/data PORT=3000
COPY --from=build --chown=root:root /app/package.json /app/LICENSE ./
COPY --from=build --chown=root:root /app/node_modules ./node_modules
COPY --from=build --chown=root:root /app/dist ./dist
COPY --from=build --chown=root:root /app/templates ./templates
# The code stays root's and read-only to the process; only its data folder is writable.
RUN mkdir -p /app/data && chown node:node /app/data
USER node
EXPOSE 3000
# The API's readiness (Postgres, Redis and migrations reachable). The worker has no HTTP API:
# docker-compose.yml checks its metrics port instead (WORKER_METRICS_PORT).
HEALTHCHECK --interval=15s --timeout=5s --start-period=60s --retries=4 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/ready').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
CMD ["node", "dist/apps/api/src/main.js"]
