/* WINE-ONLY stand-in for bcryptprimitives.dll, copied into the *test* Wine prefix only.

   Windows 10+ ships bcryptprimitives.dll; Wine 8 does not. cryptography's Rust extension
   (_rust.pyd, through Rust's standard library) imports ProcessPrng from it, so without
   this file `import cryptography` fails under Wine with "DLL load failed". ProcessPrng
   fills a buffer from the system RNG; RtlGenRandom (advapi32!SystemFunction036) does the
   same. Never part of the bundle or the installer: real Windows has the real DLL.

   x86_64-w64-mingw32-gcc -shared -O2 -o bcryptprimitives.dll bcryptprimitives.c -ladvapi32 */
#include <windows.h>

BOOLEAN WINAPI SystemFunction036(PVOID buffer, ULONG length);

__declspec(dllexport) BOOL WINAPI ProcessPrng(PBYTE data, SIZE_T size)
{
    while (size > 0) {
        ULONG chunk = size > 0x10000000 ? 0x10000000 : (ULONG)size;
        if (!SystemFunction036(data, chunk))
            return FALSE;
        data += chunk;
        size -= chunk;
    }
    return TRUE;
}
