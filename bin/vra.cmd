@echo off
rem vra launcher for Windows: the same settings as bin/vra (see the comments there and docs/install.md).
rem Finds the jar at ..\lib\vra.jar (distribution) or ..\cli\target\vra.jar (clone), Java 17+ through
rem JAVA, JAVA_HOME or PATH. Environment: VRA_JAR, VRA_CACHE_DIR, JAVA, JAVA_HOME, VRA_JAVA_OPTS.
rem Exit code 2 when there is no jar or no Java 17 or newer.
setlocal EnableExtensions EnableDelayedExpansion

set "VRA_HOME=%~dp0.."
for %%i in ("%VRA_HOME%") do set "VRA_HOME=%%~fi"

if defined VRA_JAR (
    set "jar=%VRA_JAR%"
) else if exist "%VRA_HOME%\lib\vra.jar" (
    set "jar=%VRA_HOME%\lib\vra.jar"
) else (
    set "jar=%VRA_HOME%\cli\target\vra.jar"
)
if not exist "%jar%" (
    echo vra: %jar% not found; unpack the vra archive again, or in a clone build it: mvn -B -q -DskipTests package 1>&2
    exit /b 2
)

set "hint=install Java 17 or newer (a JRE is enough), e.g. 'winget install EclipseAdoptium.Temurin.17.JRE' or https://adoptium.net, then put its bin\ on PATH or set JAVA_HOME to it"
if defined JAVA (
    set "java=%JAVA%"
) else if defined JAVA_HOME (
    set "java=%JAVA_HOME%\bin\java.exe"
    if not exist "!java!" (
        echo vra: JAVA_HOME is %JAVA_HOME%, but !java! is not there; vra needs Java: !hint! 1>&2
        exit /b 2
    )
) else (
    set "java="
    for /f "delims=" %%j in ('where java 2^>nul') do if not defined java set "java=%%j"
    if not defined java (
        echo vra: no Java found ^(no JAVA_HOME, no java on PATH^); vra needs Java 17 or newer: !hint! 1>&2
        exit /b 2
    )
)

rem the major version from 'java -version': "17.0.15" -> 17, "1.8.0_292" -> 8
set "jver="
for /f "tokens=3" %%v in ('"!java!" -version 2^>^&1 ^| findstr /i /c:"version"') do if not defined jver set "jver=%%~v"
if not defined jver (
    echo vra: !java! does not run as Java; vra needs Java 17 or newer: !hint! 1>&2
    exit /b 2
)
for /f "tokens=1,2 delims=.-+_" %%a in ("!jver!") do (
    set "major=%%a"
    if "%%a"=="1" set "major=%%b"
)
if !major! LSS 17 (
    echo vra: !java! is Java !jver!; vra needs Java 17 or newer: !hint! 1>&2
    exit /b 2
)

if defined VRA_CACHE_DIR (set "cache=%VRA_CACHE_DIR%") else (set "cache=%LOCALAPPDATA%\vra")
for %%f in ("%jar%") do set "stamp=%%~zf-%%~tf"
set "stamp=!stamp: =_!"
set "stamp=!stamp::=!"
set "stamp=!stamp:/=!"
set "stamp=!stamp:.=!"
set "jsa=%cache%\vra-!stamp!-!jver!.jsa"

set "flags=-Xmx384m -XX:NewRatio=1 -Xss512k -XX:FreqInlineSize=60 -XX:MaxInlineLevel=5 -XX:InlineSmallCode=1000 -Xshare:auto -Xlog:cds=off -Xlog:cds+dynamic=off -Dvra.launcher=1"
if exist "%VRA_HOME%\rules\scoring.yaml" set "flags=!flags! "-Dvra.home.rules=%VRA_HOME%\rules""

rem a batch (an 'assess' of a folder, a glob or standard input) and 'assess --watch' get the full JIT and the
rem parallel collector; every other run the quick compiler and the serial collector (bin/vra also counts files)
set "batch=0"
set "watch=0"
set "cmd=%~1"
if /i "!cmd!"=="assess" set "scan=1"
if /i "!cmd!"=="test" set "scan=1"
if defined scan (
    for %%a in (%*) do (
        set "arg=%%~a"
        if "!arg!"=="--watch" (set "batch=1" & set "watch=1")
        if /i "!cmd!"=="assess" (
            if "!arg!"=="-" set "batch=1"
            if not "!arg:*=!"=="!arg!" set "batch=1"
            if not "!arg:?=!"=="!arg!" set "batch=1"
            if exist "!arg!\*" set "batch=1"
        )
    )
)
rem 'test --watch' re-runs the same rule tests on every save of new rule code: the quick compiler alone
set "quickwatch=0"
if "!watch!"=="1" if /i "!cmd!"=="test" set "quickwatch=1"
if "!quickwatch!"=="1" (
    set "flags=!flags! -XX:+UseParallelGC -XX:TieredStopAtLevel=1"
) else if "!batch!"=="1" (
    set "flags=!flags! -XX:+UseParallelGC"
) else (
    set "flags=!flags! -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -XX:CICompilerCount=1"
)

if exist "!jsa!" (
    "!java!" !flags! -XX:SharedArchiveFile="!jsa!" %VRA_JAVA_OPTS% -jar "%jar%" %*
    exit /b !errorlevel!
)
set "archive=0"
if "!watch!"=="0" if /i "!cmd!"=="assess" set "archive=1"
if "!watch!"=="0" if /i "!cmd!"=="test" set "archive=1"
if "!archive!"=="0" (
    "!java!" !flags! %VRA_JAVA_OPTS% -jar "%jar%" %*
    exit /b !errorlevel!
)
if not exist "%cache%" mkdir "%cache%" 2>nul
set "tmp=%cache%\.vra-%RANDOM%%RANDOM%.jsa"
"!java!" !flags! -XX:ArchiveClassesAtExit="!tmp!" %VRA_JAVA_OPTS% -jar "%jar%" %*
set "status=!errorlevel!"
if exist "!tmp!" move /y "!tmp!" "!jsa!" >nul 2>nul
if exist "!tmp!" del /q "!tmp!" 2>nul
exit /b !status!
