; Inno Setup script: a Windows installer for the one-folder bundle that packaging/build.py makes.
;
; Build the bundle on Windows first (python packaging\build.py), then, with Inno Setup 6.3 or newer:
;
;   iscc /DAppVersion=0.1.0 packaging\windows\kenshu-desk.iss
;
; AppVersion is required (the version in pyproject.toml; `dist\kenshu-desk\kenshu-desk-cli.exe
; --version` prints it). BundleDir may point at another bundle folder. The installer is written
; to dist\kenshu-desk-<version>-setup.exe.
;
; Installs for the current user by default (no administrator rights, into
; %LOCALAPPDATA%\Programs\kenshu-desk); the first page lets the user install for all users
; instead. The user's database and settings (%LOCALAPPDATA%\kenshu-desk) are never removed by
; the uninstaller.
;
; This file is UTF-8 (Japanese text): Inno Setup 6.3+ reads UTF-8 scripts without a BOM.

#if VER < EncodeVer(6, 3, 0)
  #error Inno Setup 6.3 or newer is required (x64compatible, UTF-8 scripts without a BOM)
#endif

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z packaging\windows\kenshu-desk.iss
#endif

#ifndef BundleDir
  #define BundleDir AddBackslash(SourcePath) + "..\..\dist\kenshu-desk"
#endif

#define AppExeName "kenshu-desk.exe"
#define CliExeName "kenshu-desk-cli.exe"

#if !FileExists(AddBackslash(BundleDir) + AppExeName)
  #error The bundle is missing: run python packaging\build.py first (looked for BundleDir\kenshu-desk.exe)
#endif

[Setup]
; AppId identifies the application for upgrades and uninstall: never change it.
AppId={{DF36F9C5-A736-4AF6-B62B-6953856CF524}
AppName={cm:AppName}
AppVersion={#AppVersion}
AppVerName={cm:AppName} {#AppVersion}
AppPublisher=kenshu-desk developers
DefaultDirName={autopf}\kenshu-desk
DisableProgramGroupPage=yes
; Per-user by default; the dialog (or /ALLUSERS on the command line) installs for all users.
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
; The bundle is 64-bit (PySide6 and Python for x64); Arm64 Windows 11 runs x64 programs.
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
UninstallDisplayIcon={app}\{#AppExeName}
UninstallDisplayName={cm:AppName}
SetupIconFile=..\..\resources\icons\kenshu-desk.ico
WizardStyle=modern
OutputDir=..\..\dist
OutputBaseFilename=kenshu-desk-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
; Setup picks Japanese or English from the Windows display language; asks only when neither fits.
ShowLanguageDialog=auto
CloseApplications=yes

[Languages]
; The first entry is the fallback.
Name: "japanese"; MessagesFile: "compiler:Languages\Japanese.isl"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
japanese.AppName=研修デスク
english.AppName=Kenshu Desk (研修デスク)
japanese.AppComment=研修・情報交換会の時間割、次第、招待、出欠、動画配信を管理します
english.AppComment=Programmes, agendas, invitations and attendance for trainings and exchange meetings

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; An upgrade replaces the bundle's libraries whole: a library left over from an older version
; could be loaded by the newer program.
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "{#BundleDir}\{#AppExeName}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\{#CliExeName}"; DestDir: "{app}"; Flags: ignoreversion
Source: "{#BundleDir}\_internal\*"; DestDir: "{app}\_internal"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{cm:AppName}"; Filename: "{app}\{#AppExeName}"; Comment: "{cm:AppComment}"
Name: "{autodesktop}\{cm:AppName}"; Filename: "{app}\{#AppExeName}"; Comment: "{cm:AppComment}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{cm:AppName}}"; Flags: nowait postinstall skipifsilent
