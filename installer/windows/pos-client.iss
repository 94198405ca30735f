; Inno Setup 6 script for the Windows till: per-machine install, Start-menu entry, data kept.
; Built by installer\windows\build_windows.ps1 after PyInstaller made build\dist\pos-client.
; NOT built or run on this project's CI (Linux only); see README "Packages".
#define AppName "POS Till"
#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppExe "pos-client.exe"

[Setup]
AppId={{6C1F2B7E-4E0B-4C3A-9E8B-3F2A5D0C9A11}
AppName={#AppName}
AppVersion={#AppVersion}
AppPublisher=POS client team
DefaultDirName={autopf}\POS Till
DefaultGroupName={#AppName}
; Per machine: installed once under Program Files for every cashier's account.
PrivilegesRequired=admin
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\build
OutputBaseFilename=pos-client-{#AppVersion}-windows-x64-setup
SetupIconFile=..\pos-client.ico
UninstallDisplayIcon={app}\{#AppExe}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ShowLanguageDialog=auto

[Languages]
Name: "en"; MessagesFile: "compiler:Default.isl"
Name: "zh_CN"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"

[Files]
Source: "..\..\build\dist\pos-client\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
; {autoprograms}: the all-users Start menu (per-machine install).
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{app}"; IconFilename: "{app}\{#AppExe}"
Name: "{autoprograms}\{#AppName} - self-test"; Filename: "{cmd}"; Parameters: "/k ""{app}\{#AppExe}"" --self-test"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; Tasks: desktopicon

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; Flags: unchecked

[Run]
Filename: "{app}\{#AppExe}"; Parameters: "--self-test"; Flags: runhidden waituntilterminated; StatusMsg: "Checking the installation..."

[CustomMessages]
en.RemoveData=Also delete this till's data (sales database, backups, logs, configuration) for the current user? Sales not yet sent to central would be lost. Choose No to keep them (the default).
zh_CN.RemoveData=同时删除当前用户的收银数据（销售数据库、备份、日志、配置）吗？尚未上传到总部的销售将会丢失。选择“否”保留数据（默认）。

[Code]
// Uninstall keeps every till's data unless the person says otherwise. The data is per user:
// %LOCALAPPDATA%\pos-client (database, config.toml, backups) and its Logs folder
// (platformdirs' Windows folders; %APPDATA%\pos-client too, should a build use roaming). The device token is in
// Windows Credential Manager (service "pos-client") and is left alone either way.
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
begin
  if CurUninstallStep = usPostUninstall then
  begin
    if (not UninstallSilent) and
       (MsgBox(CustomMessage('RemoveData'), mbConfirmation, MB_YESNO or MB_DEFBUTTON2) = IDYES) then
    begin
      DelTree(ExpandConstant('{localappdata}\pos-client'), True, True, True);
      DelTree(ExpandConstant('{userappdata}\pos-client'), True, True, True);
    end;
  end;
end;
