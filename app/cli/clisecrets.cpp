// SPDX-License-Identifier: BSD-2-Clause
#include "app/cli/clisecrets.h"

#include "core/log/redact.h"

#include <QCoreApplication>

#include <cstring>

using namespace Qt::Literals::StringLiterals;

namespace msb::cli {

Result<QProcessEnvironment> readSecretsFromStdin(std::FILE *in, QProcessEnvironment base)
{
    constexpr int kMaxLines = 1000;
    constexpr int kMaxLine = 64 * 1024;
    QByteArray buffer(kMaxLine + 2, '\0');
    for (int lineNo = 1; lineNo <= kMaxLines + 1; ++lineNo) {
        if (!std::fgets(buffer.data(), int(buffer.size()), in))
            return base;
        if (lineNo > kMaxLines)
            break;
        QByteArray line(buffer.constData(), qsizetype(std::strlen(buffer.constData())));
        if (line.size() > kMaxLine)
            return Error { Error::Code::InvalidInput,
                u"secrets on stdin: line %1 is longer than 64 KiB."_s.arg(lineNo) };
        while (line.endsWith('\n') || line.endsWith('\r'))
            line.chop(1);
        const QByteArray trimmed = line.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith('#'))
            continue;
        const qsizetype eq = line.indexOf('=');
        if (eq <= 0)
            return Error { Error::Code::InvalidInput, u"secrets on stdin: line %1 is not NAME=VALUE."_s.arg(lineNo) };
        const QString name = QString::fromUtf8(line.left(eq)).trimmed();
        const QString value = QString::fromUtf8(line.mid(eq + 1));
        log::registerSecret(value);
        base.insert(name, value);
    }
    return Error { Error::Code::InvalidInput, u"secrets on stdin: more than %1 lines."_s.arg(kMaxLines) };
}

Result<std::unique_ptr<CliSecretStore>> makeCliSecretStore(bool secretsFromStdin)
{
    QProcessEnvironment env = QProcessEnvironment::systemEnvironment();
    if (secretsFromStdin) {
        Result<QProcessEnvironment> merged = readSecretsFromStdin(stdin, env);
        if (!merged.ok())
            return merged.error();
        env = std::move(merged).value();
    }
    return secrets::LayeredSecretStore::fromEnvironment(env);
}

} // namespace msb::cli
