#!/usr/bin/env bash
# Package check, called by .ci/run: build the PyInstaller bundle, smoke-test the frozen app,
# print the bundle's size, and compile the Windows installer script against the bundle.
#
# The bundle built here is a Linux one (PyInstaller cannot cross-build Windows executables);
# it proves the spec, the hidden imports and the data files. makensis runs on Linux too, so
# the NSIS script is compiled on every change; the real Windows build and installer come
# from .github/workflows/windows.yml.
#
# Needs .venv with the project and pyinstaller installed. Installs Debian's nsis package
# when makensis is missing and we are root. Exits non-zero on any failure.
set -euo pipefail

cd "$(dirname "$0")/.."
PY=.venv/bin/python
BUNDLE=dist/Loket
TARGET_MB=150
started=$SECONDS

step() { printf '\n== %s (%ds)\n' "$1" $((SECONDS - started)); }

VERSION=$("$PY" -c 'from app.version import __version__; print(__version__)')

step "PyInstaller build of Loket $VERSION"
"$PY" -m PyInstaller --noconfirm --log-level WARN \
    --workpath build/pyinstaller --distpath dist build.spec

step "frozen self-test"
# A throwaway home, so the frozen app can touch no real profile, key ring or cache.
scratch=$(mktemp -d)
trap 'rm -rf "$scratch"' EXIT
frozen() {
    env HOME="$scratch" XDG_DATA_HOME="$scratch/data" XDG_CONFIG_HOME="$scratch/config" \
        XDG_CACHE_HOME="$scratch/cache" QT_QPA_PLATFORM=offscreen timeout 120 "$@"
}
reported=$(frozen "$BUNDLE/Loket" --version)
if [ "$reported" != "Loket $VERSION" ]; then
    echo "frozen Loket --version said '$reported', expected 'Loket $VERSION'" >&2
    exit 1
fi
echo "$reported"
frozen "$BUNDLE/loket-debug" --self-test

step "bundle size"
size_mb=$(du -sm "$BUNDLE" | cut -f1)
echo "bundle: $(du -sh "$BUNDLE" | cut -f1) in $BUNDLE (target: under $TARGET_MB MB)$( \
    [ "$size_mb" -lt "$TARGET_MB" ] || echo ' -- OVER TARGET')"
# Qt's Linux wheels carry their own ICU; on Windows Qt uses the system's, so this part of
# the Linux figure has no Windows counterpart. The Windows workflow prints the real figure.
echo "  of which ICU (Linux only): $(du -shc "$BUNDLE"/_internal/PySide6/Qt/lib/libicu* | tail -1 | cut -f1)"

step "NSIS installer script"
if ! command -v makensis >/dev/null; then
    if [ "$(id -u)" = 0 ]; then
        apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq nsis >/dev/null
    else
        echo "makensis not found: install Debian's nsis package" >&2
        exit 1
    fi
fi
# -WX: a warning in the script fails the check, as it would be easy to miss otherwise.
makensis -V2 -WX -NOCD -DVERSION="$VERSION" -DBUNDLE="$BUNDLE" -DOUTDIR=dist resources/windows/loket.nsi
# On Linux the bundle holds symlinks that NSIS stores as copies, so this is larger than
# the Windows installer will be.
echo "installer: $(du -sh "dist/Loket-Setup-$VERSION.exe" | cut -f1) dist/Loket-Setup-$VERSION.exe (from the Linux bundle)"

step "package check passed"
