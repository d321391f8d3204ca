/* WINE-ONLY: the entry point of the forwarding icuuc.dll that .ci/windows.sh builds for
   its Wine prefixes. The DLL has no code of its own: its .def file (generated from the
   ucnv_* functions Qt6Core.dll imports) forwards each import to the ICU DLL of the icu4py
   wheel, e.g. ucnv_open=icuuc78-<hash>.ucnv_open_78.

   Why: Qt 6 on Windows uses the ICU that Windows 10 ships as system32\icuuc.dll; Wine 8
   has none, so `import PySide6.QtCore` fails with "DLL load failed". Real Windows has the
   real DLL, so this never goes into the bundle or the installer. */
#include <windows.h>

BOOL WINAPI DllMainCRTStartup(HINSTANCE instance, DWORD reason, LPVOID reserved)
{
    (void)instance; (void)reason; (void)reserved;
    return TRUE;
}
