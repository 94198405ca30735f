# Windows build, as it would run on a Windows 10/11 x64 machine with Python 3.11 and
# Inno Setup 6 (iscc.exe on PATH or in its default folder). NOT run by this project's CI.
#   powershell -ExecutionPolicy Bypass -File installer\windows\build_windows.ps1
$ErrorActionPreference = "Stop"
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root
if (-not (Test-Path .venv\Scripts\python.exe)) { py -3.11 -m venv .venv }
.venv\Scripts\python -m pip install -q -e ".[dev]" "pyinstaller>=6.10" pywin32
$started = Get-Date
.venv\Scripts\pyinstaller --noconfirm --distpath build\dist --workpath build\work installer\pos-client.spec
Write-Host ("PyInstaller: {0:n0} s" -f ((Get-Date) - $started).TotalSeconds)
# The bundle checks itself before it is packed (as on Linux).
& build\dist\pos-client\pos-client.exe --self-test
if ($LASTEXITCODE -ne 0) { throw "self-test of the bundle failed" }
$version = (.venv\Scripts\python -c "import tomllib;print(tomllib.load(open('pyproject.toml','rb'))['project']['version'])")
$iscc = (Get-Command iscc.exe -ErrorAction SilentlyContinue).Source
if (-not $iscc) { $iscc = "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe" }
& $iscc "/DAppVersion=$version" installer\windows\pos-client.iss
if ($LASTEXITCODE -ne 0) { throw "Inno Setup failed" }
Write-Host "built build\pos-client-$version-windows-x64-setup.exe"
