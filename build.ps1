#!/usr/bin/env pwsh
# FlameHub.Generated build. Commands: (none) build and pack, test, import-specs --from ..., update-public-api, bench [--quick], demo
# All logic lives in build/build.cs, which build.sh runs too.
$ErrorActionPreference = 'Stop'
Set-Location -Path $PSScriptRoot
if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) {
    Write-Error "build: 'dotnet' was not found. Install the .NET 10 SDK."
    exit 1
}
$env:DOTNET_CLI_TELEMETRY_OPTOUT = '1'
$env:DOTNET_NOLOGO = '1'
& dotnet run --file build/build.cs -- @args
exit $LASTEXITCODE
