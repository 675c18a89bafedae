// SPDX-License-Identifier: BSD-2-Clause
#include "core/config/import/configpyimport.h"

#include "core/config/import/pythonliteral.h"
#include "core/config/import/tenantsimport.h"
#include "core/log/redact.h"
#include "core/secrets/secretkeys.h"

#include <QCoreApplication>
#include <QJsonArray>
#include <QJsonDocument>
#include <QJsonObject>
#include <QRegularExpression>

using namespace Qt::Literals::StringLiterals;

namespace msb::config {

namespace {

// The context lupdate gives tr() calls in free functions of this namespace (else never translated).
QString tr(const char *text)
{
    return QCoreApplication::translate("msb::config", text);
}

struct Statement
{
    int line = 0;
    QString text;
};

/// Splits Python source into logical top-level statements: a newline ends a statement unless it is
/// inside brackets or a string, or escaped with a backslash. Bounded by the input length.
QList<Statement> splitStatements(const QString &src)
{
    QList<Statement> out;
    int depth = 0;
    QChar quote;
    bool triple = false;
    int line = 1;
    int startLine = 1;
    qsizetype start = 0;
    for (qsizetype i = 0; i < src.size(); ++i) {
        const QChar c = src[i];
        if (!quote.isNull()) {
            if (c == u'\\') {
                if (i + 1 < src.size() && src[i + 1] == u'\n')
                    ++line;
                ++i;
            } else if (c == quote && (!triple || (src.mid(i, 3) == QString(3, quote)))) {
                if (triple)
                    i += 2;
                quote = QChar();
            } else if (c == u'\n') {
                ++line;
            }
            continue;
        }
        if (c == u'#') {
            while (i + 1 < src.size() && src[i + 1] != u'\n')
                ++i;
        } else if (c == u'"' || c == u'\'') {
            quote = c;
            triple = src.mid(i, 3) == QString(3, c);
            if (triple)
                i += 2;
        } else if (c == u'(' || c == u'[' || c == u'{') {
            ++depth;
        } else if (c == u')' || c == u']' || c == u'}') {
            depth = std::max(0, depth - 1);
        } else if (c == u'\\' && i + 1 < src.size() && src[i + 1] == u'\n') {
            ++i;
            ++line;
        } else if (c == u'\n') {
            ++line;
            if (depth == 0) {
                out.append({ startLine, src.mid(start, i - start) });
                start = i + 1;
                startLine = line;
            }
        }
    }
    out.append({ startLine, src.mid(start) });
    return out;
}

QString firstLine(const QString &text)
{
    QString s = text.trimmed().section(u'\n', 0, 0);
    if (s.size() > 60)
        s = s.left(57) + u"..."_s;
    return s;
}

bool isPlaceholder(const QString &v)
{
    return v.startsWith(u'<') && v.endsWith(u'>');
}

QString stixTypeForMappingKey(const QString &key)
{
    // misp2sentinel matches these keys as substrings of the STIX pattern ("file:hashes" → file).
    return key.section(u':', 0, 0).trimmed();
}

} // namespace

PythonAssignments readPythonAssignments(const QString &source)
{
    PythonAssignments out;
    static const QRegularExpression assign(
        u"^([A-Za-z_][A-Za-z0-9_]*)\\s*(?:\\[\\s*(['\"])([^'\"]*)\\2\\s*\\])?\\s*=(?!=)(.*)$"_s,
        QRegularExpression::DotMatchesEverythingOption);
    bool inBlock = false;
    for (const Statement &st : splitStatements(source)) {
        QString text = st.text;
        const QString trimmed = text.trimmed();
        if (trimmed.isEmpty() || trimmed.startsWith(u'#'))
            continue;
        if (text.front().isSpace()) {
            if (!inBlock)
                out.skipped.append(
                    tr("line %1: indented code was skipped (only top-level values are read)").arg(st.line));
            inBlock = true;
            continue;
        }
        inBlock = false;
        if (trimmed.startsWith(u"import ") || trimmed.startsWith(u"from "))
            continue; // imports carry no configuration
        const auto m = assign.match(trimmed);
        if (!m.hasMatch()) {
            out.skipped.append(
                tr("line %1: \"%2\" is not an assignment; skipped").arg(st.line).arg(firstLine(trimmed)));
            continue;
        }
        const QString name = m.captured(1);
        const QString subKey = m.captured(3);
        const bool subscript = !m.captured(2).isEmpty();
        const Result<QJsonValue> value = parsePythonLiteral(m.captured(4));
        if (!value.ok()) {
            out.skipped.append(tr("line %1: %2 is not a plain value (%3); it was not executed and is skipped")
                                   .arg(st.line)
                                   .arg(name, value.error().message));
            continue;
        }
        if (subscript) {
            QJsonObject dict = out.values.value(name).toObject();
            dict.insert(subKey, value.value());
            out.values.insert(name, dict);
        } else {
            out.values.insert(name, value.value());
        }
    }
    return out;
}

ImportResult importConfigPy(const QString &source, const QString &profileName)
{
    ImportResult into;
    into.profile.name = profileName;
    const PythonAssignments py = readPythonAssignments(source);
    for (const QString &s : py.skipped)
        into.notes.append(s);
    QStringList handled;
    auto has = [&](const QString &name) {
        handled.append(name);
        return py.values.contains(name);
    };
    auto get = [&](const QString &name) { return py.values.value(name); };

    // Target from ms_auth.
    if (has(u"ms_auth"_s)) {
        const QJsonObject auth = get(u"ms_auth"_s).toObject();
        QJsonObject entry;
        for (const auto &[from, to] : { std::pair { u"tenant"_s, u"tenantId"_s },
                 std::pair { u"client_id"_s, u"id"_s },
                 std::pair { u"workspace_id"_s, u"workspaceId"_s } }) {
            const QString v = auth.value(from).toString();
            if (isPlaceholder(v))
                into.notes.append(
                    tr("ms_auth['%1'] is still the placeholder %2: enter it in the wizard.").arg(from, v));
            else
                entry.insert(to, v);
        }
        const QString secret = auth.value(u"client_secret"_s).toString();
        if (!secret.isEmpty() && !isPlaceholder(secret))
            entry.insert(u"secret"_s, secret);
        const qsizetype before = into.profile.targets.size();
        importTenantsJson(QJsonDocument(QJsonArray { entry }).toJson(), into);
        if (into.profile.targets.size() > before) {
            TargetSettings &t = into.profile.targets.last();
            if (auth.value(u"new_upload_api"_s).isBool() && !auth.value(u"new_upload_api"_s).toBool()) {
                t.apiKind = ApiKind::LegacyIndicators;
                into.notes.append(tr("new_upload_api is False: the target uses the legacy upload-indicators API."));
            }
            if (auth.value(u"scope"_s).toString().contains(u"usgovcloudapi"_s)) {
                t.cloud = Cloud::AzureUsGovernment;
                into.notes.append(tr("The scope names Azure US Government: the target uses that cloud."));
            }
        }
        if (auth.value(u"graph_api"_s).toBool())
            into.notes.append(
                tr("graph_api is True: the Graph tiIndicators API is retired; the STIX upload API is used "
                   "instead."));
        for (const QString &k : { u"subscription_id"_s, u"resourceGroupName"_s, u"workspaceName"_s }) {
            if (auth.contains(k))
                into.notes.append(tr("ms_auth['%1'] was ignored: it only served misp2sentinel's management-API "
                                     "lookups, which this tool does not need.")
                                      .arg(k));
        }
    } else {
        into.notes.append(tr("No ms_auth in config.py: add the Sentinel workspace in the wizard."));
    }

    if (has(u"misp_domain"_s)) {
        const QString url = get(u"misp_domain"_s).toString();
        if (isPlaceholder(url))
            into.notes.append(tr("misp_domain is still the placeholder %1: enter the MISP URL.").arg(url));
        else {
            into.profile.misp.url = QUrl(url.trimmed());
            into.profile.policy.mispBaseUrl = into.profile.misp.url.toString(QUrl::RemoveUserInfo);
            into.notes.append(tr("MISP URL: %1.").arg(into.profile.policy.mispBaseUrl));
        }
    }
    if (has(u"misp_key"_s)) {
        const QString key = get(u"misp_key"_s).toString();
        if (!key.isEmpty() && !isPlaceholder(key)) {
            msb::log::registerSecret(key);
            into.secrets.append({ secrets::mispKeyName(profileName), key, tr("MISP key") });
            into.notes.append(tr("The MISP key goes to the keychain. Remove it from config.py once you have moved."));
        }
    }
    if (has(u"misp_verifycert"_s) && !get(u"misp_verifycert"_s).toBool())
        into.notes.append(tr("misp_verifycert is False: here TLS verification is always on. If MISP uses a private "
                             "CA or a self-signed certificate, choose the CA file or pin the certificate on the MISP "
                             "page."));
    if (has(u"misp_event_filters"_s)) {
        into.profile.misp.eventFilters = get(u"misp_event_filters"_s).toObject();
        into.notes.append(
            tr("MISP event filters imported: %1.")
                .arg(QString::fromUtf8(QJsonDocument(into.profile.misp.eventFilters).toJson(QJsonDocument::Compact))));
    }
    if (has(u"misp_event_limit_per_page"_s))
        into.profile.misp.pageSize = std::clamp(get(u"misp_event_limit_per_page"_s).toInt(100), 1, 10000);
    if (has(u"default_confidence"_s))
        into.profile.policy.defaultConfidence = std::clamp(get(u"default_confidence"_s).toInt(50), 0, 100);
    else
        into.profile.policy.defaultConfidence = 50; // misp2sentinel's fallback
    if (has(u"days_to_expire"_s))
        into.profile.policy.defaultExpiryDays = std::clamp(get(u"days_to_expire"_s).toInt(), 0, 3650);
    if (has(u"days_to_expire_start"_s))
        into.profile.policy.expiryBase = get(u"days_to_expire_start"_s).toString() == u"current_date"
            ? convert::ExpiryBase::Now
            : convert::ExpiryBase::ValidFrom;
    if (has(u"days_to_expire_mapping"_s)) {
        const QJsonObject mapping = get(u"days_to_expire_mapping"_s).toObject();
        for (auto it = mapping.begin(); it != mapping.end(); ++it)
            into.profile.policy.expiryDaysByType.insert(
                stixTypeForMappingKey(it.key()), std::clamp(it.value().toInt(), 0, 3650));
        into.notes.append(tr("Expiry per type imported. Unlike misp2sentinel, which matched these keys anywhere in "
                             "the pattern (so a domain containing \"url\" got the URL expiry), they now apply to "
                             "exactly that STIX type."));
    }
    if (has(u"ignore_localtags"_s))
        into.profile.policy.keepLocalTags = !get(u"ignore_localtags"_s).toBool(true);
    if (has(u"sourcesystem"_s)) {
        const QString sourceSystem = get(u"sourcesystem"_s).toString();
        for (TargetSettings &t : into.profile.targets)
            t.sourceSystem = sourceSystem;
        into.notes.append(tr("Source system: %1.").arg(sourceSystem));
    }
    if (has(u"ms_api_version"_s)) {
        const QString version = get(u"ms_api_version"_s).toString();
        if (version == u"2022-07-01") {
            for (TargetSettings &t : into.profile.targets)
                t.apiKind = ApiKind::LegacyIndicators;
        }
        into.notes.append(tr("ms_api_version %1: the API version follows from the API kind here.").arg(version));
    }

    // Options that have no setting here, with the reason.
    const QList<std::pair<QString, QString>> explained = {
        { u"misp_flatten_attributes"_s, tr("object attributes are always processed") },
        { u"remove_pipe_from_misp_attribute"_s, tr("composite values such as filename|sha256 keep both parts") },
        { u"misp_remove_eventreports"_s, tr("event reports never reach the output") },
        { u"ms_max_indicators_request"_s, tr("batches follow the API limit of 100 objects") },
        { u"ms_max_requests_minute"_s, tr("the uploader paces itself and honours 429 Retry-After") },
        { u"ms_check_if_exist_in_sentinel"_s, tr("the local ledger knows what was sent") },
        { u"ms_useragent"_s, tr("the product's own User-Agent is used") },
        { u"dry_run"_s, tr("use the preview or the --dry-run option per run") },
        { u"log_file"_s, tr("logs go to the application's log directory, with secrets redacted") },
        { u"verbose_log"_s, tr("use --log-level per run") },
        { u"write_parsed_indicators"_s, tr("use --out to write the bundle") },
        { u"write_parsed_eventid"_s, tr("event ids are in the run report") },
        { u"sentinel_write_response"_s, tr("rejections are in the run report") },
        { u"days_to_expire_ignore_misp_last_seen"_s, tr("MISP last_seen is always honoured") },
        { u"timeframe_toids_change"_s, tr("not supported") },
        { u"ms_passiveonly"_s, tr("Graph API leftover without effect") },
        { u"ms_action"_s, tr("Graph API leftover without effect") },
        { u"ms_target_product"_s, tr("Graph API leftover without effect") },
        { u"network_ignore_direction"_s, tr("Graph API leftover without effect") },
        { u"write_post_json"_s, tr("Graph API leftover without effect") },
    };
    for (const auto &[name, why] : explained) {
        if (has(name))
            into.notes.append(tr("%1 was not imported: %2.").arg(name, why));
    }
    QStringList unknown;
    for (auto it = py.values.cbegin(); it != py.values.cend(); ++it) {
        if (!handled.contains(it.key()))
            unknown.append(it.key());
    }
    if (!unknown.isEmpty())
        into.notes.append(tr("Not recognised, ignored: %1.").arg(unknown.join(u", ")));
    hideSecretsInNotes(into);
    return into;
}

} // namespace msb::config
