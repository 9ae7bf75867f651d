Unicode true

####
## ACE Desk's installer: Wails' project.nsi (v2.9.2), changed to install for
## the current user without administrator rights, into
## %LOCALAPPDATA%\Programs\ACE Desk, with the console build acedesk-cli.exe
## beside the desktop acedesk.exe, Start-menu and desktop shortcuts, and an
## uninstaller that keeps the user's database (%AppData%\acedesk) unless
## the user ticks the box to delete it (or passes /DELETEDATA).
##
## Built by scripts/dist/windows.sh (make dist), which passes:
##   -DARG_WAILS_AMD64_BINARY=acedesk.exe   the desktop window (-H windowsgui)
##   -DARG_CLI_AMD64_BINARY=acedesk-cli.exe the console build (browser mode)
##   -DVERSION_NUMERIC=a.b.c.d -DVERSION_DISPLAY=<git describe>
##   -DINSTALLER_ICON=acedesk.ico -DWEBVIEW2_BOOTSTRAPPER=<Wails' copy>
##   -DOUTFILE=acedesk-<version>-windows-amd64-setup.exe
####

# A 64-bit installer: ACE Desk is amd64 only, and Wine's 64-bit prefix runs it.
Target amd64-unicode
# Solid, with a dictionary as large as a program: the two programs share
# most of their bytes.
SetCompressor /SOLID lzma
SetCompressorDictSize 64

!define REQUEST_EXECUTION_LEVEL "user"
!include "wails_tools.nsh"

VIProductVersion "${VERSION_NUMERIC}"
VIFileVersion    "${VERSION_NUMERIC}"

VIAddVersionKey /LANG=0 "CompanyName"     "${INFO_COMPANYNAME}"
VIAddVersionKey /LANG=0 "FileDescription" "${INFO_PRODUCTNAME} Installer"
VIAddVersionKey /LANG=0 "ProductVersion"  "${VERSION_DISPLAY}"
VIAddVersionKey /LANG=0 "FileVersion"     "${VERSION_DISPLAY}"
VIAddVersionKey /LANG=0 "LegalCopyright"  "${INFO_COPYRIGHT}"
VIAddVersionKey /LANG=0 "ProductName"     "${INFO_PRODUCTNAME}"

# Enable HiDPI support. https://nsis.sourceforge.io/Reference/ManifestDPIAware
ManifestDPIAware true

!include "MUI2.nsh"

!define MUI_ICON "${INSTALLER_ICON}"
!define MUI_UNICON "${INSTALLER_ICON}"
!define MUI_ABORTWARNING # This will warn the user if they exit from the installer.
!define MUI_FINISHPAGE_RUN "$INSTDIR\${PRODUCT_EXECUTABLE}"
!define MUI_UNCOMPONENTSPAGE_NODESC

!insertmacro MUI_PAGE_WELCOME
!insertmacro MUI_PAGE_DIRECTORY
!insertmacro MUI_PAGE_INSTFILES
!insertmacro MUI_PAGE_FINISH

!insertmacro MUI_UNPAGE_CONFIRM
!insertmacro MUI_UNPAGE_COMPONENTS # the box that also deletes the database
!insertmacro MUI_UNPAGE_INSTFILES

# Chinese first: the installer shows English on a Windows in another language.
!insertmacro MUI_LANGUAGE "SimpChinese"
!insertmacro MUI_LANGUAGE "English"

LangString Win10Required ${LANG_SIMPCHINESE} "ACE Desk 需要 Windows 10 或更新的版本。"
LangString Win10Required ${LANG_ENGLISH} "ACE Desk needs Windows 10 or later."
LangString ArchNotSupported ${LANG_SIMPCHINESE} "ACE Desk 只支持 64 位 (x64) Windows。"
LangString ArchNotSupported ${LANG_ENGLISH} "ACE Desk runs on 64-bit (x64) Windows only."
LangString WebView2Missing ${LANG_SIMPCHINESE} "ACE Desk 的窗口需要 Microsoft Edge WebView2 运行库，这台电脑上还没有。$\r$\n$\r$\n现在安装吗？（需要联网；不需要管理员权限）"
LangString WebView2Missing ${LANG_ENGLISH} "ACE Desk's window needs the Microsoft Edge WebView2 Runtime, which this computer does not have yet.$\r$\n$\r$\nInstall it now? (It needs the internet, not administrator rights.)"
LangString WebView2Installing ${LANG_SIMPCHINESE} "正在安装 WebView2 运行库……"
LangString WebView2Installing ${LANG_ENGLISH} "Installing the WebView2 Runtime…"
LangString WebView2StillMissing ${LANG_SIMPCHINESE} "WebView2 运行库没有装上，ACE Desk 的窗口还打不开。$\r$\n$\r$\n联网后再运行一次本安装程序，或从微软网站安装 “Microsoft Edge WebView2 Runtime”。$\r$\n在此之前，可以用开始菜单里的 “ACE Desk 浏览器模式” 在浏览器中使用 ACE Desk。"
LangString WebView2StillMissing ${LANG_ENGLISH} "The WebView2 Runtime is not installed, so ACE Desk's window cannot open yet.$\r$\n$\r$\nRun this installer again when the computer is online, or install the $\"Microsoft Edge WebView2 Runtime$\" from Microsoft's website.$\r$\nUntil then, $\"ACE Desk browser mode$\" in the Start menu runs ACE Desk in your web browser."
LangString UnProgram ${LANG_SIMPCHINESE} "ACE Desk 程序"
LangString UnProgram ${LANG_ENGLISH} "ACE Desk (the program)"
LangString UnData ${LANG_SIMPCHINESE} "同时删除我的数据库 (%AppData%\acedesk)"
LangString UnData ${LANG_ENGLISH} "Also delete my database (%AppData%\acedesk)"
LangString BrowserMode ${LANG_SIMPCHINESE} "ACE Desk 浏览器模式 (browser mode)"
LangString BrowserMode ${LANG_ENGLISH} "ACE Desk browser mode"
LangString CommandLine ${LANG_SIMPCHINESE} "ACE Desk 命令行 (command line)"
LangString CommandLine ${LANG_ENGLISH} "ACE Desk command line"

## The following two statements can be used to sign the installer and the uninstaller. The path to the binaries are provided in %1
#!uninstfinalize 'signtool --file "%1"'
#!finalize 'signtool --file "%1"'

Name "${INFO_PRODUCTNAME}"
OutFile "${OUTFILE}"
# Per user, where Windows puts programs installed without administrator rights.
InstallDir "$LOCALAPPDATA\Programs\${INFO_PRODUCTNAME}"
InstallDirRegKey HKCU "${UNINST_KEY}" "InstallLocation"
ShowInstDetails show # This will always show the installation details.

Function .onInit
    !insertmacro wails.checkArchitecture
    !insertmacro wails.setShellContext
FunctionEnd

Section
    !insertmacro wails.setShellContext

    SetOutPath $INSTDIR
    !insertmacro wails.files
    File "/oname=LICENSE.txt" "${LICENSE_FILE}"
    File "/oname=OFL.txt" "${FONT_LICENSE_FILE}"

    !insertmacro wails.webview2runtime

    # The shortcuts show the program's own icon (its first icon resource).
    CreateDirectory "$SMPROGRAMS\${INFO_PRODUCTNAME}"
    CreateShortcut "$SMPROGRAMS\${INFO_PRODUCTNAME}\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}" "" "$INSTDIR\${PRODUCT_EXECUTABLE}" 0
    CreateShortcut "$SMPROGRAMS\${INFO_PRODUCTNAME}\$(BrowserMode).lnk" "$INSTDIR\${CLI_EXECUTABLE}" "serve --open" "$INSTDIR\${PRODUCT_EXECUTABLE}" 0
    # A command prompt in the user's folder with acedesk-cli on its PATH
    # (the user's PATH itself is left alone).
    SetOutPath "$PROFILE"
    CreateShortcut "$SMPROGRAMS\${INFO_PRODUCTNAME}\$(CommandLine).lnk" "$SYSDIR\cmd.exe" '/k set "PATH=$INSTDIR;%PATH%" && ${CLI_EXECUTABLE} version' "$INSTDIR\${PRODUCT_EXECUTABLE}" 0
    SetOutPath $INSTDIR
    CreateShortcut "$DESKTOP\${INFO_PRODUCTNAME}.lnk" "$INSTDIR\${PRODUCT_EXECUTABLE}" "" "$INSTDIR\${PRODUCT_EXECUTABLE}" 0

    !insertmacro wails.writeUninstaller
SectionEnd

Section "un.$(UnProgram)" un.program
    SectionIn RO
    !insertmacro wails.setShellContext

    RMDir /r "$AppData\${PRODUCT_EXECUTABLE}" # Remove the WebView2 DataPath (a cache, not the database)

    Delete "$INSTDIR\${PRODUCT_EXECUTABLE}"
    Delete "$INSTDIR\${CLI_EXECUTABLE}"
    Delete "$INSTDIR\LICENSE.txt"
    Delete "$INSTDIR\OFL.txt"

    RMDir /r "$SMPROGRAMS\${INFO_PRODUCTNAME}"
    Delete "$DESKTOP\${INFO_PRODUCTNAME}.lnk"

    !insertmacro wails.deleteUninstaller
    RMDir $INSTDIR
SectionEnd

# Not ticked unless asked: the database, its backups and the LAN certificate.
Section /o "un.$(UnData)" un.data
    !insertmacro wails.setShellContext
    RMDir /r "$APPDATA\acedesk"
SectionEnd

Function un.onInit
    !insertmacro wails.setShellContext
    # /DELETEDATA ticks the box (for a silent uninstall: uninstall.exe /S /DELETEDATA).
    ${GetParameters} $0
    ClearErrors
    ${GetOptions} $0 "/DELETEDATA" $1
    ${IfNot} ${Errors}
        SectionSetFlags ${un.data} ${SF_SELECTED}
    ${EndIf}
FunctionEnd
