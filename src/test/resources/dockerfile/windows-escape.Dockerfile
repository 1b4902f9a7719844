# escape=`

FROM mcr.microsoft.com/windows/nanoserver:ltsc2022
ENV APP_DIR=C:\app `
    GREETING="hello `"world`""
WORKDIR /app
COPY `
  # the binaries
  bin\service.exe `
  bin\service.dll `
  ./
LABEL price=`$5
ENTRYPOINT C:\app\service.exe --dir %APP_DIR%
