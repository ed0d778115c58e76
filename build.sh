#!/usr/bin/env bash
# FlameHub.Generated build. Commands: (none) build and pack, test, import-specs --from ..., update-public-api, bench [--quick], demo
# All logic lives in build/build.cs, which build.ps1 runs too.
set -euo pipefail
cd "$(dirname "$0")"
if ! command -v dotnet >/dev/null 2>&1; then
  echo "build: 'dotnet' was not found. Install the .NET 10 SDK." >&2
  exit 1
fi
export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1
exec dotnet run --file build/build.cs -- "$@"
