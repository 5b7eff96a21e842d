#!/usr/bin/env pwsh
# Aura Jobs for Windows: the same verbs as build.sh (run, test, build), kept a thin mirror of it.
#   ./build.ps1 run     build and start the service (UI and API at http://127.0.0.1:5005)
#   ./build.ps1 test    build and run every test
#   ./build.ps1 build   restore and build only
#   ./build.ps1 bench   build and run the benchmark (Linux only: it reads /proc; extra arguments go to it)
# FFmpeg, espeak-ng and Chromium must be on PATH (e.g. winget install Gyan.FFmpeg eSpeak-NG.eSpeak-NG Chromium),
# and redis-server for the Redis store's tests (Redis has no native Windows build: run them in WSL, or they fail);
# this script says which are missing rather than installing them.
param(
    [Parameter(Position = 0)][ValidateSet('run', 'test', 'build', 'bench')][string]$Verb,
    [Parameter(ValueFromRemainingArguments = $true)][string[]]$BenchArgs = @()
)
$ErrorActionPreference = 'Stop'
$Root = $PSScriptRoot
$Configuration = if ($env:CONFIGURATION) { $env:CONFIGURATION } else { 'Release' }
$Urls = if ($env:AURA_URLS) { $env:AURA_URLS } else { 'http://127.0.0.1:5005' }

function Log([string]$Message) { Write-Host "==> $Message" }

function Report-Missing([string[]]$Commands) {
    $missing = $Commands | Where-Object { -not (Get-Command $_ -ErrorAction SilentlyContinue) }
    if ($missing) {
        Log "Missing: $($missing -join ', '). Install them and put them on PATH (winget install Gyan.FFmpeg eSpeak-NG.eSpeak-NG; redis-server: a Redis build such as Memurai, or run the tests in WSL)."
        Log 'Continuing: the service reports what is missing at /health; tests that need them will fail.'
    }
}

function Build {
    if (-not (Get-Command dotnet -ErrorAction SilentlyContinue)) { throw 'The .NET SDK 10 is required: https://dotnet.microsoft.com/download' }
    Log "Restoring and building ($Configuration)"
    dotnet build "$Root/Aura.Jobs.sln" -c $Configuration -nologo -clp:NoSummary -v:q
    if ($LASTEXITCODE -ne 0) { exit $LASTEXITCODE }
}

switch ($Verb) {
    'build' { Build }
    'run' {
        Report-Missing @('ffmpeg', 'ffprobe', 'espeak-ng')
        Build
        New-Item -ItemType Directory -Force "$Root/data", "$Root/Logs" | Out-Null
        Log "Starting Aura Jobs at $Urls (Ctrl+C to stop)"
        Set-Location "$Root/Aura.Api"
        dotnet run -c $Configuration --no-build --no-launch-profile -- --urls $Urls --Storage:DataFolder "$Root/data" --Jobs:LogsFolder "$Root/Logs"
        exit $LASTEXITCODE
    }
    'test' {
        Report-Missing @('ffmpeg', 'ffprobe', 'espeak-ng', 'chromium', 'node', 'redis-server')
        Build
        # The web UI's pure modules (stream parser, backoff, store, formatting) under Node's own runner.
        Log 'Running the JavaScript tests (node --test)'
        node --test "$Root/Aura.Tests/Ui/js/"
        $nodeExit = $LASTEXITCODE
        Log 'Running the tests'
        dotnet test "$Root/Aura.Jobs.sln" -c $Configuration --no-build -nologo --results-directory "$Root/TestResults"
        if ($nodeExit -ne 0) { exit $nodeExit }
        exit $LASTEXITCODE
    }
    'bench' {
        Report-Missing @('ffmpeg', 'ffprobe', 'espeak-ng')
        Build
        # As build.sh: 10,000 streams need as many sockets; raise the open-file limit where PowerShell runs on Linux.
        if ($IsLinux) {
            $hard = (& sh -c 'ulimit -Hn').Trim()
            $limit = if ($hard -eq 'unlimited' -or [int64]$hard -ge 65536) { 65536 } else { $hard }
            Log "Running the benchmark (open-file limit $limit)"
            & sh -c "ulimit -n $limit && exec dotnet `"$Root/bench/Aura.Bench/bin/$Configuration/net10.0/Aura.Bench.dll`" $Configuration $($BenchArgs -join ' ')"
        }
        else {
            dotnet "$Root/bench/Aura.Bench/bin/$Configuration/net10.0/Aura.Bench.dll" $Configuration @BenchArgs
        }
        exit $LASTEXITCODE
    }
    default { Write-Error 'usage: ./build.ps1 run|test|build|bench [bench arguments]'; exit 2 }
}
