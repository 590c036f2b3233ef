# CreditGrid: one image, every container a silo + HTTP API + SignalR dashboard (docs/deploy.md).
#   docker build -t creditgrid:1.0.0 .
#   docker run --rm -p 8080:8080 creditgrid:1.0.0     # embedded mode: SQLite in /app/data (a volume if kept)
# In Kubernetes the same image runs the silos and, with the argument "migrate", the schema Job (k8s/).

# --- build ---------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
ENV DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
# The whole source tree minus what .dockerignore leaves out (tests, k8s, docs, bin/obj, local databases): the silo
# project references core/, api/ and dashboard/, and the build reads global.json and Directory.*.props.
COPY . .
# ReadyToRun (issue 16): the assemblies are precompiled for linux-x64, so a new pod does not spend its first minute
# JIT-compiling (25-35 % of CPU after a start, i.e. at every scale-out); the JIT still tiers hot code up afterwards.
RUN dotnet publish silo/CreditGrid.Silo.csproj -c Release -r linux-x64 --self-contained false -o /app/publish \
    -p:UseAppHost=false -p:PublishReadyToRun=true

# --- runtime -------------------------------------------------------------------------------------------------------
FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
# Credit reports and merchant signs embed a CJK and a Latin TrueType font (docs/reports.md; else they answer 503).
RUN apt-get update && apt-get install -y --no-install-recommends fonts-droid-fallback fonts-dejavu-core && rm -rf /var/lib/apt/lists/*
# Embedded (SQLite) mode writes ./data; the non-root user must own it. In Kubernetes state lives in PostgreSQL.
RUN mkdir -p /app/data && chown "$APP_UID:$APP_UID" /app/data
COPY --from=build /app/publish .
# The program listens on 127.0.0.1:5080 unless "urls" is set: listen on all interfaces, port 8080.
# (ASPNETCORE_HTTP_PORTS, which the base image sets, is not read by the program: clear it.)
ENV ASPNETCORE_URLS=http://+:8080 \
    ASPNETCORE_HTTP_PORTS=
# HTTP, Orleans silo-to-silo, Orleans gateway.
EXPOSE 8080 11111 30000
# The "app" user (uid 1654) defined by the base image.
USER $APP_UID
ENTRYPOINT ["dotnet", "CreditGrid.Silo.dll"]
