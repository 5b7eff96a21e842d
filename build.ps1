#!/usr/bin/env pwsh
# Aura Jobs for Windows: the same verbs as build.sh (run, test, build, bench, cluster), kept a thin mirror of it.
#   ./build.ps1 run     build and start the service (UI and API at http://127.0.0.1:5005)
#   ./build.ps1 test    build and run every test
#   ./build.ps1 build   restore and build only
#   ./build.ps1 bench   build and run the benchmark (Linux only: it reads /proc; extra arguments go to it)
#   ./build.ps1 cluster build and start a local cluster: Redis, two API nodes (http://127.0.0.1:5005 and :5006) and two
#                       worker nodes on one shared data folder (data/cluster); Ctrl+C stops it (AURA_CLUSTER_PORT,
#                       AURA_CLUSTER_REDIS_PORT move the ports)
# FFmpeg, espeak-ng and Chromium must be on PATH (e.g. winget install Gyan.FFmpeg eSpeak-NG.eSpeak-NG Chromium),
# and redis-server for the Redis store's tests (Redis has no native Windows build: run them in WSL, or they fail);
# this script says which are missing rather than installing them.
param(
    [Parameter(Position = 0)][ValidateSet('run', 'test', 'build', 'bench', 'cluster')][string]$Verb,
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

# The cluster verb, as build.sh's: every node a real process on loopback, one shared data folder; only these pids are stopped.
function Start-Cluster {
    $cluster = "$Root/data/cluster"
    $redisPort = if ($env:AURA_CLUSTER_REDIS_PORT) { [int]$env:AURA_CLUSTER_REDIS_PORT } else { 6390 }
    $base = if ($env:AURA_CLUSTER_PORT) { [int]$env:AURA_CLUSTER_PORT } else { 5005 }
    New-Item -ItemType Directory -Force "$cluster/redis", "$cluster/shared", "$cluster/logs" | Out-Null
    $processes = @()
    try {
        Log "Starting redis-server on 127.0.0.1:$redisPort (data in $cluster/redis)"
        $processes += Start-Process redis-server -PassThru -NoNewWindow -RedirectStandardOutput "$cluster/logs/redis.out" -ArgumentList @(
            '--port', $redisPort, '--bind', '127.0.0.1', '--dir', "`"$cluster/redis`"", '--appendonly', 'yes', '--appendfsync', 'always',
            '--maxmemory-policy', 'noeviction', '--save', '""', '--daemonize', 'no')
        $common = @('--Storage:Provider', 'Redis', '--Redis:Configuration', "127.0.0.1:$redisPort",
            '--Storage:DataFolder', "`"$cluster/shared`"", '--Jobs:LogsFolder', "`"$cluster/logs`"")
        $nodes = @(
            @{ Name = 'api-a'; Port = $base; Role = @('--Jobs:Workers', '0') },
            @{ Name = 'api-b'; Port = $base + 1; Role = @('--Jobs:Workers', '0') },
            @{ Name = 'worker-1'; Port = $base + 2; Role = @('--Api:Enabled', 'false', '--Jobs:Workers', '1') },
            @{ Name = 'worker-2'; Port = $base + 3; Role = @('--Api:Enabled', 'false', '--Jobs:Workers', '1') })
        foreach ($node in $nodes) {
            $processes += Start-Process dotnet -PassThru -NoNewWindow -WorkingDirectory "$Root/Aura.Api" `
                -RedirectStandardOutput "$cluster/logs/$($node.Name).out" -RedirectStandardError "$cluster/logs/$($node.Name).err" `
                -ArgumentList (@("bin/$Configuration/net10.0/Aura.Api.dll", '--urls', "http://127.0.0.1:$($node.Port)") + $common + $node.Role)
        }
        Log 'Cluster started (Ctrl+C stops it all):'
        Log "  API node A   http://127.0.0.1:$base   (UI, API, streams; runs no jobs)"
        Log "  API node B   http://127.0.0.1:$($base + 1)"
        Log "  worker 1     http://127.0.0.1:$($base + 2)/health   (pid $($processes[3].Id): stop it and its job moves to worker 2)"
        Log "  worker 2     http://127.0.0.1:$($base + 3)/health   (pid $($processes[4].Id))"
        Log "  Redis        127.0.0.1:$redisPort; shared data $cluster/shared; logs $cluster/logs"
        while ($true) { Start-Sleep -Seconds 1 }
    }
    finally {
        Log 'Stopping the cluster'
        foreach ($process in $processes) { if (-not $process.HasExited) { Stop-Process -Id $process.Id -ErrorAction SilentlyContinue } }
    }
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
    'cluster' {
        Report-Missing @('ffmpeg', 'ffprobe', 'espeak-ng', 'redis-server')
        Build
        Start-Cluster
    }
    default { Write-Error 'usage: ./build.ps1 run|test|build|bench|cluster [bench arguments]'; exit 2 }
}
