; Loket installer: one Loket-Setup-<version>.exe that installs the PyInstaller bundle per
; machine.
;
;   makensis -NOCD -DVERSION=0.1.0 -DBUNDLE=dist/Loket [-DOUTDIR=dist] resources/windows/loket.nsi
;
; ("-" options work with makensis on Windows and Linux alike; "/" only on Windows.)
; VERSION is app/version.py's __version__ (release numbers only: X.Y.Z). BUNDLE is the
; folder build.spec produces. With -NOCD both are relative to where makensis runs; files of
; our own are found relative to this script. makensis runs on Linux too (Debian package
; nsis), which is how CI checks this script on every change; only the Windows CI has a
; Windows bundle to put in it. Only plugins that ship with NSIS itself are used (System).
;
; What the agent's kiosk gets, and why:
; - Per machine, in Program Files, with Start-menu and desktop shortcuts for all users.
; - "Start at logon" is optional (off the first time); an upgrade keeps whatever was chosen.
; - Settings, secrets and the journal live in the user's %APPDATA%\Loket, never here, so an
;   upgrade replaces the program files only. The uninstaller keeps the data unless the
;   user ticks the (unticked) option to remove it and confirms once more: the journal is
;   the agent's record of real money.
; - Install and uninstall refuse to go on while Loket runs. Loket holds a named mutex
;   (MUTEX_NAME) while it is open; as a second check, a running Loket.exe cannot be opened
;   for writing, which also catches an instance in another user's session.

Unicode true
ManifestDPIAware true
SetCompressor /SOLID lzma

!include "MUI2.nsh"
!include "LogicLib.nsh"
!include "Sections.nsh"
!include "FileFunc.nsh"
!include "x64.nsh"
!include "WinVer.nsh"

;--------------------------------
; Build-time parameters

!ifndef VERSION
  !error "Pass the version: makensis -DVERSION=X.Y.Z ..."
!endif
!ifndef BUNDLE
  !error "Pass the bundle folder: makensis -DBUNDLE=dist/Loket ..."
!endif
!ifndef OUTDIR
  !define OUTDIR "."
!endif
!ifndef PUBLISHER
  !define PUBLISHER "Loket"
!endif

; Windows wants a four-part numeric version in the file's version resource.
!searchparse /noerrors "${VERSION}" "" VERSION_MAJOR "." VERSION_MINOR "." VERSION_PATCH
!ifndef VERSION_PATCH
  !error "VERSION must look like X.Y.Z, got '${VERSION}'"
!endif

!define APP_NAME "Loket"
!define APP_EXE "Loket.exe"
!define DEBUG_EXE "loket-debug.exe"
!define UNINSTALLER "uninstall.exe"
!define MUTEX_NAME "Loket.SingleInstance"
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${APP_NAME}"
!define RUN_KEY "Software\Microsoft\Windows\CurrentVersion\Run"
!define ICON "${__FILEDIR__}\..\icons\loket.ico"

Name "${APP_NAME} ${VERSION}"
OutFile "${OUTDIR}\Loket-Setup-${VERSION}.exe"
InstallDir "$PROGRAMFILES64\${APP_NAME}"
RequestExecutionLevel admin
BrandingText "${APP_NAME} ${VERSION}"

VIProductVersion "${VERSION_MAJOR}.${VERSION_MINOR}.${VERSION_PATCH}.0"
VIFileVersion "${VERSION_MAJOR}.${VERSION_MINOR}.${VERSION_PATCH}.0"

;--------------------------------
; Pages

!define MUI_ICON "${ICON}"
!define MUI_UNICON "${ICON}"
!define MUI_ABORTWARNING
!define MUI_COMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_WELCOME
!define MUI_PAGE_CUSTOMFUNCTION_PRE SkipDirectoryOnUpgrade
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_COMPONENTS
!insertmacro MUI_PAGE_INSTFILES
; No "run Loket now" box: it would start Loket elevated, as the administrator who
; installed it, with that account's profile.
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS
!insertmacro MUI_UNPAGE_INSTFILES

; Indonesian first: it is used whenever Windows' language is neither of the two.
!insertmacro MUI_LANGUAGE "Indonesian"
!insertmacro MUI_LANGUAGE "English"

VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductName" "${APP_NAME}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "ProductVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileVersion" "${VERSION}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "FileDescription" "${APP_NAME} ${VERSION} Setup"
VIAddVersionKey /LANG=${LANG_ENGLISH} "CompanyName" "${PUBLISHER}"
VIAddVersionKey /LANG=${LANG_ENGLISH} "LegalCopyright" "${PUBLISHER}"

LangString SEC_APP ${LANG_INDONESIAN} "Loket (program)"
LangString SEC_APP ${LANG_ENGLISH} "Loket (program)"
LangString SEC_AUTOSTART ${LANG_INDONESIAN} "Jalankan Loket saat masuk Windows"
LangString SEC_AUTOSTART ${LANG_ENGLISH} "Start Loket at Windows logon"
LangString SEC_DATA ${LANG_INDONESIAN} "Hapus juga pengaturan dan jurnal transaksi"
LangString SEC_DATA ${LANG_ENGLISH} "Also remove settings and the transaction journal"
LangString MSG_RUNNING ${LANG_INDONESIAN} "Loket sedang berjalan.$\r$\n$\r$\nTutup Loket (di semua pengguna yang sedang masuk), lalu pilih Coba Lagi."
LangString MSG_RUNNING ${LANG_ENGLISH} "Loket is running.$\r$\n$\r$\nClose Loket (for every signed-in user), then choose Retry."
LangString MSG_NEEDS_64BIT ${LANG_INDONESIAN} "Loket memerlukan Windows 10 atau 11 versi 64-bit."
LangString MSG_NEEDS_64BIT ${LANG_ENGLISH} "Loket needs 64-bit Windows 10 or 11."
LangString MSG_CONFIRM_DATA ${LANG_INDONESIAN} "Pengaturan dan jurnal transaksi di$\r$\n$APPDATA\${APP_NAME}$\r$\nakan dihapus permanen. Jurnal adalah catatan transaksi uang Anda.$\r$\n$\r$\nHapus data ini?"
LangString MSG_CONFIRM_DATA ${LANG_ENGLISH} "The settings and the transaction journal in$\r$\n$APPDATA\${APP_NAME}$\r$\nwill be deleted for good. The journal is your record of money transactions.$\r$\n$\r$\nDelete this data?"

;--------------------------------
; Running-instance check, shared by installer and uninstaller

!macro LOKET_RUNNING_CHECKS un
  ; Pushes 1 if Loket is running, else 0.
  Function ${un}IsLoketRunning
    Push $0
    Push $1
    StrCpy $1 0
    System::Call 'kernel32::OpenMutexW(i 0x00100000, i 0, w "${MUTEX_NAME}") p .r0'
    ${If} $0 <> 0
      System::Call 'kernel32::CloseHandle(p r0)'
      StrCpy $1 1
    ${EndIf}
    ${If} $1 == 0
      Push "$INSTDIR\${APP_EXE}"
      Call ${un}IsFileInUse
      Pop $1
    ${EndIf}
    ${If} $1 == 0
      Push "$INSTDIR\${DEBUG_EXE}"
      Call ${un}IsFileInUse
      Pop $1
    ${EndIf}
    Exch $1
    Exch
    Pop $0
  FunctionEnd

  ; Takes a path; pushes 1 if it exists and cannot be opened for writing (a running exe).
  Function ${un}IsFileInUse
    Exch $0
    Push $1
    ${If} ${FileExists} $0
      ClearErrors
      FileOpen $1 $0 a
      ${If} ${Errors}
        StrCpy $0 1
      ${Else}
        FileClose $1
        StrCpy $0 0
      ${EndIf}
    ${Else}
      StrCpy $0 0
    ${EndIf}
    Pop $1
    Exch $0
  FunctionEnd

  ; Asks the user to close Loket until it is closed; quits if they cancel (or if silent).
  Function ${un}WaitUntilLoketClosed
    Push $0
    ${Do}
      Call ${un}IsLoketRunning
      Pop $0
      ${If} $0 == 0
        ${Break}
      ${EndIf}
      ${If} ${Cmd} `MessageBox MB_RETRYCANCEL|MB_ICONEXCLAMATION "$(MSG_RUNNING)" /SD IDCANCEL IDCANCEL`
        SetErrorLevel 2
        Quit
      ${EndIf}
    ${Loop}
    Pop $0
  FunctionEnd
!macroend
!insertmacro LOKET_RUNNING_CHECKS ""
!insertmacro LOKET_RUNNING_CHECKS "un."

;--------------------------------
; Installer

Section "$(SEC_APP)" SecApp
  SectionIn RO
  ; Loket may have been started while the wizard was open.
  Call WaitUntilLoketClosed

  ; Upgrade in place: replace the program files, and only those (data is in %APPDATA%).
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${DEBUG_EXE}"

  SetOutPath "$INSTDIR"
  File /r "${BUNDLE}\*"
  WriteUninstaller "$INSTDIR\${UNINSTALLER}"

  CreateShortCut "$SMPROGRAMS\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0
  CreateShortCut "$DESKTOP\${APP_NAME}.lnk" "$INSTDIR\${APP_EXE}" "" "$INSTDIR\${APP_EXE}" 0

  WriteRegStr HKLM "${UNINST_KEY}" "DisplayName" "${APP_NAME}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayVersion" "${VERSION}"
  WriteRegStr HKLM "${UNINST_KEY}" "Publisher" "${PUBLISHER}"
  WriteRegStr HKLM "${UNINST_KEY}" "DisplayIcon" "$\"$INSTDIR\${APP_EXE}$\",0"
  WriteRegStr HKLM "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
  WriteRegStr HKLM "${UNINST_KEY}" "UninstallString" "$\"$INSTDIR\${UNINSTALLER}$\""
  WriteRegStr HKLM "${UNINST_KEY}" "QuietUninstallString" "$\"$INSTDIR\${UNINSTALLER}$\" /S"
  WriteRegDWORD HKLM "${UNINST_KEY}" "VersionMajor" ${VERSION_MAJOR}
  WriteRegDWORD HKLM "${UNINST_KEY}" "VersionMinor" ${VERSION_MINOR}
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoModify" 1
  WriteRegDWORD HKLM "${UNINST_KEY}" "NoRepair" 1
  ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
  WriteRegDWORD HKLM "${UNINST_KEY}" "EstimatedSize" $0
SectionEnd

Section /o "$(SEC_AUTOSTART)" SecAutostart
  WriteRegStr HKLM "${RUN_KEY}" "${APP_NAME}" "$\"$INSTDIR\${APP_EXE}$\""
SectionEnd

Section "-Forget start at logon if unticked"
  ${IfNot} ${SectionIsSelected} ${SecAutostart}
    DeleteRegValue HKLM "${RUN_KEY}" "${APP_NAME}"
  ${EndIf}
SectionEnd

; Functions after the sections: .onInit uses their index symbols.
Var IsUpgrade

Function .onInit
  ${IfNot} ${RunningX64}
  ${OrIfNot} ${AtLeastWin10}
    MessageBox MB_OK|MB_ICONSTOP "$(MSG_NEEDS_64BIT)" /SD IDOK
    SetErrorLevel 1
    Quit
  ${EndIf}
  SetRegView 64
  SetShellVarContext all
  ; An upgrade goes where the installed Loket is. (Read here rather than with
  ; InstallDirRegKey, which runs before the 64-bit registry view is selected.)
  ClearErrors
  ReadRegStr $0 HKLM "${UNINST_KEY}" "InstallLocation"
  ${IfNot} ${Errors}
  ${AndIf} $0 != ""
    StrCpy $INSTDIR $0
    StrCpy $IsUpgrade 1
  ${EndIf}
  ; An upgrade keeps the start-at-logon choice made last time.
  ClearErrors
  ReadRegStr $0 HKLM "${RUN_KEY}" "${APP_NAME}"
  ${IfNot} ${Errors}
    !insertmacro SelectSection ${SecAutostart}
  ${EndIf}
  Call WaitUntilLoketClosed
FunctionEnd

Function SkipDirectoryOnUpgrade
  ${If} $IsUpgrade == 1
    Abort
  ${EndIf}
FunctionEnd

;--------------------------------
; Uninstaller

Function un.onInit
  SetRegView 64
  SetShellVarContext all
  Call un.WaitUntilLoketClosed
FunctionEnd

Section "un.$(SEC_APP)" UnSecApp
  SectionIn RO
  Call un.WaitUntilLoketClosed
  RMDir /r "$INSTDIR\_internal"
  Delete "$INSTDIR\${APP_EXE}"
  Delete "$INSTDIR\${DEBUG_EXE}"
  Delete "$INSTDIR\${UNINSTALLER}"
  RMDir "$INSTDIR"  ; only if empty: never remove what we did not put there

  Delete "$SMPROGRAMS\${APP_NAME}.lnk"
  Delete "$DESKTOP\${APP_NAME}.lnk"
  DeleteRegValue HKLM "${RUN_KEY}" "${APP_NAME}"
  DeleteRegKey HKLM "${UNINST_KEY}"
SectionEnd

; Off unless ticked, and confirmed once more. It removes the profile of the account running
; the uninstaller (the one whose %APPDATA% holds the journal, when the agent uninstalls
; with an administrator's approval). A silent uninstall (/S) never removes data.
Section /o "un.$(SEC_DATA)" UnSecData
  SetShellVarContext current
  ${If} $APPDATA != ""
  ${AndIf} ${Cmd} `MessageBox MB_YESNO|MB_ICONEXCLAMATION|MB_DEFBUTTON2 "$(MSG_CONFIRM_DATA)" /SD IDNO IDYES`
    RMDir /r "$APPDATA\${APP_NAME}"
  ${EndIf}
  SetShellVarContext all
SectionEnd
