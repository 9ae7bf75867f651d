# ACE Desk's copy of the wails_tools.nsh that `wails build -nsis` (Wails
# v2.9.2) generates, filled in and changed for a per-user install:
# - HKCU instead of HKLM for the uninstall key, so no administrator rights;
# - the WebView2 check reads the per-user key with its missing backslash
#   restored, asks before running the bootstrapper and says plainly what
#   to do when WebView2 is still missing;
# - a second program, acedesk-cli.exe, the console build;
# - no file associations or URL protocols (ACE Desk has none).

!include "x64.nsh"
!include "WinVer.nsh"
!include "FileFunc.nsh"
!include "LogicLib.nsh"

!ifndef INFO_PROJECTNAME
    !define INFO_PROJECTNAME "acedesk"
!endif
!ifndef INFO_COMPANYNAME
    !define INFO_COMPANYNAME "PostgreSQL 分会"
!endif
!ifndef INFO_PRODUCTNAME
    !define INFO_PRODUCTNAME "ACE Desk"
!endif
!ifndef INFO_COPYRIGHT
    !define INFO_COPYRIGHT "PostgreSQL 分会"
!endif
!ifndef PRODUCT_EXECUTABLE
    !define PRODUCT_EXECUTABLE "${INFO_PROJECTNAME}.exe"
!endif
!ifndef CLI_EXECUTABLE
    !define CLI_EXECUTABLE "${INFO_PROJECTNAME}-cli.exe"
!endif
!ifndef UNINST_KEY_NAME
    !define UNINST_KEY_NAME "ACEDesk"
!endif
!define UNINST_KEY "Software\Microsoft\Windows\CurrentVersion\Uninstall\${UNINST_KEY_NAME}"
# The Evergreen WebView2 Runtime's client ID.
!define WEBVIEW2_KEY "Microsoft\EdgeUpdate\Clients\{F3017226-FE2A-4295-8BDF-00C3A9A7E4C5}"

!ifndef REQUEST_EXECUTION_LEVEL
    !define REQUEST_EXECUTION_LEVEL "user"
!endif
RequestExecutionLevel "${REQUEST_EXECUTION_LEVEL}"

!ifndef ARG_WAILS_AMD64_BINARY
    !error "ARG_WAILS_AMD64_BINARY: the path of acedesk.exe"
!endif
!ifndef ARG_CLI_AMD64_BINARY
    !error "ARG_CLI_AMD64_BINARY: the path of acedesk-cli.exe"
!endif
!define ARCH "amd64"

!macro wails.checkArchitecture
    ${IfNot} ${AtLeastWin10}
        MessageBox MB_OK|MB_ICONSTOP "$(Win10Required)" /SD IDOK
        SetErrorLevel 64
        Quit
    ${EndIf}
    ${IfNot} ${IsNativeAMD64}
        MessageBox MB_OK|MB_ICONSTOP "$(ArchNotSupported)" /SD IDOK
        SetErrorLevel 65
        Quit
    ${EndIf}
!macroend

!macro wails.files
    File "/oname=${PRODUCT_EXECUTABLE}" "${ARG_WAILS_AMD64_BINARY}"
    File "/oname=${CLI_EXECUTABLE}" "${ARG_CLI_AMD64_BINARY}"
!macroend

!macro wails.writeUninstaller
    WriteUninstaller "$INSTDIR\uninstall.exe"

    SetRegView 64
    WriteRegStr HKCU "${UNINST_KEY}" "Publisher" "${INFO_COMPANYNAME}"
    WriteRegStr HKCU "${UNINST_KEY}" "DisplayName" "${INFO_PRODUCTNAME}"
    WriteRegStr HKCU "${UNINST_KEY}" "DisplayVersion" "${VERSION_DISPLAY}"
    WriteRegStr HKCU "${UNINST_KEY}" "DisplayIcon" "$INSTDIR\${PRODUCT_EXECUTABLE},0"
    WriteRegStr HKCU "${UNINST_KEY}" "InstallLocation" "$INSTDIR"
    WriteRegStr HKCU "${UNINST_KEY}" "UninstallString" "$\"$INSTDIR\uninstall.exe$\""
    WriteRegStr HKCU "${UNINST_KEY}" "QuietUninstallString" "$\"$INSTDIR\uninstall.exe$\" /S"
    WriteRegDWORD HKCU "${UNINST_KEY}" "NoModify" 1
    WriteRegDWORD HKCU "${UNINST_KEY}" "NoRepair" 1

    ${GetSize} "$INSTDIR" "/S=0K" $0 $1 $2
    IntFmt $0 "0x%08X" $0
    WriteRegDWORD HKCU "${UNINST_KEY}" "EstimatedSize" "$0"
!macroend

!macro wails.deleteUninstaller
    Delete "$INSTDIR\uninstall.exe"

    SetRegView 64
    DeleteRegKey HKCU "${UNINST_KEY}"
!macroend

!macro wails.setShellContext
    ${If} ${REQUEST_EXECUTION_LEVEL} == "admin"
        SetShellVarContext all
    ${else}
        SetShellVarContext current
    ${EndIf}
!macroend

# $0: the installed WebView2 Runtime's version, or "" when there is none
# (machine-wide, 64- or 32-bit registry, or for this user).
!macro wails.findWebView2
    SetRegView 64
    ReadRegStr $0 HKLM "SOFTWARE\WOW6432Node\${WEBVIEW2_KEY}" "pv"
    ${If} $0 == ""
    ${OrIf} $0 == "0.0.0.0"
        ReadRegStr $0 HKLM "SOFTWARE\${WEBVIEW2_KEY}" "pv"
    ${EndIf}
    ${If} $0 == ""
    ${OrIf} $0 == "0.0.0.0"
        ReadRegStr $0 HKCU "Software\${WEBVIEW2_KEY}" "pv"
    ${EndIf}
    ${If} $0 == "0.0.0.0"
        StrCpy $0 ""
    ${EndIf}
!macroend

# The desktop window needs the WebView2 Runtime (Windows 11 has it, most
# Windows 10 too). When it is missing, ask, then run the bootstrapper that
# Wails ships (it downloads the runtime: it needs the internet, and installs
# for this user without administrator rights); if it is still missing, say
# what to do. Silent installs (/S) try the bootstrapper without asking.
!macro wails.webview2runtime
    !insertmacro wails.findWebView2
    ${If} $0 != ""
        DetailPrint "WebView2 Runtime $0"
    ${Else}
        MessageBox MB_YESNO|MB_ICONQUESTION "$(WebView2Missing)" /SD IDYES IDNO wails_webview2_declined
        DetailPrint "$(WebView2Installing)"
        InitPluginsDir
        CreateDirectory "$PLUGINSDIR\webview2bootstrapper"
        SetOutPath "$PLUGINSDIR\webview2bootstrapper"
        File "${WEBVIEW2_BOOTSTRAPPER}"
        ExecWait '"$PLUGINSDIR\webview2bootstrapper\MicrosoftEdgeWebview2Setup.exe" /silent /install' $1
        DetailPrint "MicrosoftEdgeWebview2Setup.exe: $1"
        SetOutPath "$INSTDIR"
        !insertmacro wails.findWebView2
        wails_webview2_declined:
        ${If} $0 == ""
            DetailPrint "$(WebView2StillMissing)"
            MessageBox MB_OK|MB_ICONEXCLAMATION "$(WebView2StillMissing)" /SD IDOK
        ${EndIf}
    ${EndIf}
!macroend
