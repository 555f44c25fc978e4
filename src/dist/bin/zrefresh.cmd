@echo off
rem zrefresh launcher of the JVM distribution on Windows: runs lib\zrefresh.jar on %JAVA_HOME%\bin\java.exe
rem (else the java on PATH; Java 17 or newer) with settings for a short-lived command-line tool.
rem ZREFRESH_JAVA_OPTS adds JVM options after ours (e.g. -Xmx1g).
setlocal
set "APP_HOME=%~dp0.."
if defined JAVA_HOME (set "JAVA_EXE=%JAVA_HOME%\bin\java.exe") else (set "JAVA_EXE=java.exe")
rem C1 only and the serial collector: most runs last well under a second; 192 MB of heap hold --query over
rem 100,000 jobs. JVM warnings go to stderr; a JVM crash report to the user's temporary directory, never to the
rem current one.
"%JAVA_EXE%" -XX:TieredStopAtLevel=1 -XX:+UseSerialGC -Xmx192m -XX:-UsePerfData -Xlog:disable -Xlog:all=warning:stderr "-XX:ErrorFile=%TEMP%\zrefresh_hs_err_pid%%p.log" %ZREFRESH_JAVA_OPTS% -jar "%APP_HOME%\lib\zrefresh.jar" %*
exit /b %ERRORLEVEL%
