# One image build, two targets: `cms` (Payload + Next admin) and `site` (Astro).
FROM node:24-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
COPY cms/package.json cms/
COPY site/package.json site/
COPY seed/package.json seed/
COPY tests/package.json tests/
COPY packages packages
COPY plugins plugins
RUN npm ci --no-audit --no-fund

FROM deps AS build
COPY . .
ENV NEXT_TELEMETRY_DISABLED=1 ASTRO_TELEMETRY_DISABLED=1
RUN npm run build

FROM build AS cms
# Certificates print through Debian's Chromium, with the CJK fonts they embed.
RUN apt-get update && apt-get install -y --no-install-recommends chromium fonts-wqy-microhei \
  && rm -rf /var/lib/apt/lists/*
ENV NODE_ENV=production CHROMIUM_PATH=/usr/bin/chromium
EXPOSE 3000
CMD ["npm", "run", "start", "-w", "@exemplar/cms"]

FROM build AS site
ENV NODE_ENV=production HOST=0.0.0.0 SITE_PORT=4321
EXPOSE 4321
CMD ["npm", "run", "start", "-w", "@exemplar/site"]
