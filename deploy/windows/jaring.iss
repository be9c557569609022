; Inno Setup script of Jaring's Windows installer (Inno Setup 6), built after deploy/build.py:
;
;   iscc /DAppVersion=0.2.0 deploy\windows\jaring.iss
;
; (.github/workflows/windows.yml passes models/version.py's APP_VERSION.) Writes
; dist\Jaring-<version>-setup.exe from the bundle dist\Jaring\.
;
; Per user: no administrator rights are asked for. The app goes to
; %LOCALAPPDATA%\Programs\Jaring ({autopf} of a per-user install) and its Start-menu
; shortcut to the user's own Start menu. The data is NOT in the install folder: the app
; keeps its database and keys in %LOCALAPPDATA%\Jaring (platformdirs' user data folder:
; models/db.py default_db_path), which this script never names, so uninstalling leaves it
; and installing a newer version over an older one finds it (the app migrates the
; database when it opens it).

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z deploy\windows\jaring.iss
#endif

[Setup]
; Never change the AppId: a newer installer finds the older install by it and upgrades it.
AppId={{6A1D7C52-93B8-4C5E-9F0B-2E4D8A7B1C39}
AppName=Jaring
AppVersion={#AppVersion}
AppVerName=Jaring {#AppVersion}
AppPublisher=Jaring
DefaultDirName={autopf}\Jaring
DefaultGroupName=Jaring
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist
OutputBaseFilename=Jaring-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\jaring.ico
UninstallDisplayIcon={app}\Jaring.exe
UninstallDisplayName=Jaring
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; An upgrade while Jaring is open: ask to close it, and start it again afterwards.
CloseApplications=yes
RestartApplications=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked

[InstallDelete]
; The previous version's libraries go before the new ones are copied, so none of them lingers
; beside the new bundle. Only the install folder: the data lives elsewhere (see the top).
Type: filesandordirs; Name: "{app}\_internal"

[Files]
Source: "..\..\dist\Jaring\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\Jaring"; Filename: "{app}\Jaring.exe"; Comment: "Pendaftaran BPJS Ketenagakerjaan"
Name: "{autodesktop}\Jaring"; Filename: "{app}\Jaring.exe"; Tasks: desktopicon

[Run]
Filename: "{app}\Jaring.exe"; Description: "{cm:LaunchProgram,Jaring}"; Flags: nowait postinstall skipifsilent
