// SPDX-License-Identifier: BSD-2-Clause
#include "core/secrets/stdinsecret.h"

#include "core/log/redact.h"

#include <QCoreApplication>

#include <string>
#include <termios.h>
#include <unistd.h>

namespace msb::secrets {

Result<QString> readSecretLine(std::FILE *in, const QString &what, const QString &prompt)
{
    const int fd = fileno(in);
    const bool tty = fd >= 0 && isatty(fd);
    termios saved {};
    bool echoOff = false;
    if (tty) {
        if (!prompt.isEmpty()) {
            std::fputs(prompt.toLocal8Bit().constData(), stderr);
            std::fflush(stderr);
        }
        if (tcgetattr(fd, &saved) == 0) {
            termios quiet = saved;
            quiet.c_lflag &= ~tcflag_t(ECHO);
            echoOff = tcsetattr(fd, TCSAFLUSH, &quiet) == 0;
        }
    }

    constexpr std::size_t kMax = std::size_t(64) * 1024;
    std::string line;
    bool tooLong = false;
    for (int c = std::fgetc(in); c != EOF && c != '\n'; c = std::fgetc(in)) {
        if (line.size() >= kMax) {
            tooLong = true;
            break;
        }
        line.push_back(char(c));
    }
    if (echoOff) {
        tcsetattr(fd, TCSAFLUSH, &saved);
        std::fputs("\n", stderr);
    }
    if (!line.empty() && line.back() == '\r')
        line.pop_back();

    if (tooLong) {
        return Error { Error::Code::InvalidInput,
            QCoreApplication::translate("msb::secrets", "The %1 read from standard input is longer than 64 KiB.")
                .arg(what) };
    }
    const QString value = QString::fromUtf8(line.data(), qsizetype(line.size()));
    if (value.isEmpty()) {
        return Error { Error::Code::InvalidInput,
            QCoreApplication::translate("msb::secrets", "No %1 was given on standard input.").arg(what) };
    }
    msb::log::registerSecret(value);
    return value;
}

} // namespace msb::secrets
