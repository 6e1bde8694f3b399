# syntax=docker/dockerfile:1
# caac-bot: one image for every deployment (a single container on SQLite, or N replicas on PostgreSQL).
# CI has no Docker engine: scripts/check-dockerfile.sh performs these steps without Docker and starts the result,
# so keep to the instructions it understands (FROM, WORKDIR, COPY, RUN, ENV, USER, VOLUME, EXPOSE, HEALTHCHECK,
# CMD) and write paths in RUN relative to the WORKDIR.

# ---- build: install everything, compile TypeScript -----------------------------------------------------------
FROM node:20-bookworm-slim AS build
WORKDIR /app
# better-sqlite3 downloads a prebuilt binary when one matches; these tools let it compile when none does (arm64, musl).
RUN apt-get update \
 && apt-get install -y --no-install-recommends python3 make g++ \
 && rm -rf /var/lib/apt/lists/*
# Dependencies first, so that a source change does not reinstall them. --ignore-scripts skips `prepare` (the build,
# which needs the sources); better-sqlite3's native install step is run on its own just after.
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund --ignore-scripts \
 && npm rebuild better-sqlite3
COPY . .
RUN npm run build

# ---- runtime: production dependencies, the build, the data ---------------------------------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production
WORKDIR /app
COPY --from=build /app/package.json /app/package-lock.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
COPY --from=build /app/data ./data
# Dev dependencies (TypeScript, vitest…) out of the image; the compiled better-sqlite3 stays.
RUN npm prune --omit=dev --no-audit --no-fund \
 && mkdir -p var \
 && chown -R node:node var
ENV PORT=3000 \
    HOST=0.0.0.0 \
    CAAC_DB_PATH=/app/var/caac.sqlite \
    CAAC_DATA_DIR=/app/data
# The node image's unprivileged user (uid 1000).
USER node
# The SQLite file lives here: mount a volume, or the reminders go with the container.
VOLUME ["/app/var"]
EXPOSE 3000
# No curl in the slim image: Node's own fetch asks /healthz.
HEALTHCHECK --interval=30s --timeout=5s --start-period=20s --retries=3 \
  CMD ["node", "-e", "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/healthz').then(r=>process.exit(r.ok?0:1),()=>process.exit(1))"]
# node directly (not npm start) so that SIGTERM reaches the service and it shuts down cleanly.
CMD ["node", "dist/src/main.js"]
