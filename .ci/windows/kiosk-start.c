/* Starts a program the way Explorer does when the agent clicks Loket's shortcut (or when
   Windows runs it at logon): through ShellExecuteEx, with no console and no standard
   handles. Used by .ci/windows.sh to start the installed Loket.exe under Wine.

     kiosk-start.exe [--wait SECONDS] TARGET [ARGUMENTS]

   TARGET is an .exe or a shortcut (.lnk): a shortcut is opened with IShellLink, as
   Explorer does, and its target, arguments and working folder are used (so the test
   also proves the shortcut the installer made). Prints "started <pid> at <time>" on its
   own standard output, <time> being Unix time in seconds taken just before the start, so
   the script can time the way to the first window on the same clock. With --wait it then waits for the
   program and exits with the program's exit code, or 124 if SECONDS pass first (the
   program keeps running). Exit 125 if the program could not be started.

   x86_64-w64-mingw32-gcc -municode -O2 -o kiosk-start.exe kiosk-start.c -lshell32 -lole32 -luuid */
#define COBJMACROS
#include <windows.h>
#include <shellapi.h>
#include <shlobj.h>
#include <stdio.h>
#include <wchar.h>

static void say(HANDLE out, const char *text)
{
    DWORD written;
    if (out && out != INVALID_HANDLE_VALUE)
        WriteFile(out, text, (DWORD)strlen(text), &written, NULL);
}

int wmain(int argc, wchar_t **argv)
{
    HANDLE out = GetStdHandle(STD_OUTPUT_HANDLE);
    DWORD wait_ms = 0;
    int first = 1;
    char line[128];
    if (argc > 3 && wcscmp(argv[1], L"--wait") == 0) {
        wait_ms = (DWORD)_wtoi(argv[2]) * 1000;
        first = 3;
    }
    if (first >= argc) {
        say(out, "usage: kiosk-start.exe [--wait SECONDS] TARGET [ARGUMENTS]\n");
        return 2;
    }
    /* The rest of the command line, after TARGET, as it was given. */
    const wchar_t *cmdline = GetCommandLineW();
    const wchar_t *params = wcsstr(cmdline, argv[first]);
    params = params ? params + wcslen(argv[first]) : L"";
    while (*params == L'"' || *params == L' ')
        params++;

    /* A shortcut: what it points at. */
    static wchar_t path[MAX_PATH], args[1024], folder[MAX_PATH];
    const wchar_t *file = argv[first], *directory = NULL;
    size_t length = wcslen(file);
    if (length > 4 && _wcsicmp(file + length - 4, L".lnk") == 0) {
        IShellLinkW *link = NULL;
        IPersistFile *persist = NULL;
        CoInitializeEx(NULL, COINIT_APARTMENTTHREADED);
        if (FAILED(CoCreateInstance(&CLSID_ShellLink, NULL, CLSCTX_INPROC_SERVER, &IID_IShellLinkW, (void **)&link))
            || FAILED(IShellLinkW_QueryInterface(link, &IID_IPersistFile, (void **)&persist))
            || FAILED(IPersistFile_Load(persist, file, STGM_READ))
            || FAILED(IShellLinkW_GetPath(link, path, MAX_PATH, NULL, 0)) || !*path) {
            say(out, "could not read the shortcut\n");
            return 125;
        }
        IShellLinkW_GetArguments(link, args, 1024);
        IShellLinkW_GetWorkingDirectory(link, folder, MAX_PATH);
        file = path;
        directory = *folder ? folder : NULL;
        if (!*params && *args)
            params = args;
        snprintf(line, sizeof line, "shortcut -> %ls\n", path);
        say(out, line);
    }

    /* Explorer has no standard handles, so neither does what it starts. */
    SetStdHandle(STD_INPUT_HANDLE, NULL);
    SetStdHandle(STD_OUTPUT_HANDLE, NULL);
    SetStdHandle(STD_ERROR_HANDLE, NULL);

    SHELLEXECUTEINFOW info = {sizeof info};
    info.fMask = SEE_MASK_NOCLOSEPROCESS | SEE_MASK_FLAG_NO_UI | SEE_MASK_NOASYNC;
    info.lpVerb = L"open";
    info.lpFile = file;
    info.lpDirectory = directory;
    info.lpParameters = *params ? params : NULL;
    info.nShow = SW_SHOWNORMAL;
    FILETIME now;
    GetSystemTimePreciseAsFileTime(&now);
    ULONGLONG ticks = ((ULONGLONG)now.dwHighDateTime << 32 | now.dwLowDateTime) - 116444736000000000ULL;
    if (!ShellExecuteExW(&info) || !info.hProcess) {
        snprintf(line, sizeof line, "could not start: error %lu\n", GetLastError());
        say(out, line);
        return 125;
    }
    snprintf(line, sizeof line, "started %lu at %llu.%07llu\n", GetProcessId(info.hProcess),
             ticks / 10000000ULL, ticks % 10000000ULL);
    say(out, line);
    if (!wait_ms)
        return 0;
    if (WaitForSingleObject(info.hProcess, wait_ms) != WAIT_OBJECT_0) {
        say(out, "still running\n");
        return 124;
    }
    DWORD code = 0;
    GetExitCodeProcess(info.hProcess, &code);
    snprintf(line, sizeof line, "exited %lu\n", code);
    say(out, line);
    return (int)code;
}
