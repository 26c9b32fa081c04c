# The LexGraph API for docker compose and servers; Neo4j runs as its own service (NEO4J_URI).

# The browser pages (GraphiQL with the named examples, /explore), built from web/.
FROM node:20-slim AS web
WORKDIR /app
COPY web/package.json web/package-lock.json ./web/
RUN cd web && npm ci --no-audit --no-fund
COPY web ./web
COPY queries ./queries
RUN cd web && npm run build

FROM python:3.11-slim

ENV PYTHONDONTWRITEBYTECODE=1 PYTHONUNBUFFERED=1 PIP_NO_CACHE_DIR=1
WORKDIR /app

COPY pyproject.toml README.md hatch_build.py ./
COPY src ./src
COPY importers ./importers
COPY schema ./schema
COPY queries ./queries
COPY --from=web /app/web/dist ./web/dist
RUN pip install . && useradd --system --home /app lexgraph
USER lexgraph

ENV LEXGRAPH_HOST=0.0.0.0 LEXGRAPH_PORT=8000
EXPOSE 8000
HEALTHCHECK --interval=10s --timeout=3s --retries=6 \
  CMD python -c "import urllib.request; urllib.request.urlopen('http://127.0.0.1:8000/healthz')"
# With NEO4J_URI set, `run` skips the local Neo4j: it migrates, imports the sample corpus, serves.
CMD ["lexgraph", "run"]
